using System.Linq;
using NUnit.Framework;

namespace TranscriptKit.Generators.Tests.Naming;

/// <summary>
/// Names from a spec that would clash in C# never give a raw CS error: a name the vendor's wire dictates (JSON
/// fields, enum values, parameters, events) is renamed by the documented rule; a name the spec maintainer chose
/// (schema keys, operationIds, x-tk-* names) that clashes is a located TK0009.
/// </summary>
public class NameCollisionTests
{
    private const string Header = """
        openapi: 3.1.0
        info: { title: Probe, version: "1" }
        x-tk-client: { name: Probe, vendor: probe }
        servers:
          - url: https://api.example.com/v1
        """;

    /// <summary>A polled job whose status model has the given properties, enum values and status-operation parameters.</summary>
    internal static string Spec(string properties = "", string enumValues = "done", string parameters = "", string schemas = "", string extraPaths = "") => Header + $$"""

        paths:
          /jobs/{id}:
            get:
              operationId: getJob
              x-tk-poll:
                name: Job
                succeeded-when: { field: state, equals: [done] }
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
        {{parameters}}
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Job" }
          /jobs:
            post:
              operationId: createJob
              parameters:
        {{parameters.Replace("required: true", "required: false")}}
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/Job" }
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Job" }
        {{extraPaths}}
        components:
          schemas:
            Job:
              type: object
              properties:
                state: { $ref: "#/components/schemas/State" }
        {{properties}}
            State:
              type: string
              enum: [{{enumValues}}]
        {{schemas}}
        """;

    internal static string Properties(params string[] names) => string.Concat(names.Select(n => $"        {GeneratedCode.Quote(n)}: {{ type: string }}\n"));

    internal static string Parameters(params string[] names) => string.Concat(names.Select(n => $"        - {{ name: {GeneratedCode.Quote(n)}, in: query, required: true, schema: {{ type: string }} }}\n"));

    [TestCase("equals")]
    [TestCase("contains")]
    [TestCase("GetType")]
    [TestCase("MemberwiseClone")]
    [TestCase("get_hash_code")]
    [TestCase("to_string")]
    [TestCase("value")]
    [TestCase("is_known")]
    [TestCase("state")]
    [TestCase("class")]
    [TestCase("2fa")]
    public void Enum_values_that_clash_with_members_compile(string value)
    {
        GeneratedCode.AssertCompiles(Spec(enumValues: $"done, {GeneratedCode.Quote(value)}"));
    }

    [TestCase("equals")]
    [TestCase("to_string")]
    [TestCase("equality_contract")]
    [TestCase("get_hash_code")]
    [TestCase("get_type")]
    [TestCase("memberwise_clone")]
    [TestCase("print_members")]
    [TestCase("deconstruct")]
    [TestCase("clone")]
    [TestCase("job")]
    [TestCase("class")]
    [TestCase("1st")]
    public void Properties_that_clash_with_record_members_compile(string name)
    {
        GeneratedCode.AssertCompiles(Spec(properties: Properties(name)));
    }

    [TestCase("response")]
    [TestCase("request")]
    [TestCase("value")]
    [TestCase("options")]
    [TestCase("job")]
    [TestCase("cancellationToken")]
    [TestCase("progress")]
    [TestCase("content")]
    [TestCase("body")]
    [TestCase("ct")]
    [TestCase("item")]
    [TestCase("class")]
    [TestCase("await")]
    [TestCase("3d")]
    public void Parameters_that_clash_with_generated_parameters_and_locals_compile(string name)
    {
        GeneratedCode.AssertCompiles(Spec(parameters: Parameters(name)));
    }

    [Test]
    public void Parameters_that_differ_only_in_punctuation_are_numbered()
    {
        var outcome = GeneratedCode.AssertCompiles(Spec(parameters: Parameters("page_size", "pageSize")));

        Assert.That(outcome.Source("ProbeClient.g.cs"), Does.Contain("string pageSize, string pageSize2,"));
    }

    [Test]
    public void A_renamed_name_is_documented_with_its_wire_name()
    {
        var outcome = GeneratedCode.AssertCompiles(Spec(properties: Properties("equals")));

        Assert.That(outcome.Source("Probe.Models.g.cs"), Does.Contain("public string? Equals2 { get; init; }"));
        Assert.That(outcome.Source("Probe.Models.g.cs"), Does.Contain("JSON name: <c>equals</c>"));
    }

    [TestCase("ProbeClient")]
    [TestCase("ProbeClientOptions")]
    [TestCase("IProbeClient")]
    [TestCase("ProbeJson")]
    [TestCase("ProbeResponseSchema")]
    [TestCase("probe_client")]
    public void A_schema_named_like_a_generated_type_is_TK0009_at_its_key(string schema)
    {
        var diagnostic = GeneratedCode.AssertReports(Spec(schemas: $"    {schema}:\n      type: object\n      properties: {{ a: {{ type: string }} }}\n"), "TK0009", 49, 5);
        Assert.That(diagnostic.GetMessage(), Does.Contain(schema));
    }

    [TestCase("ToString")]
    [TestCase("equals")]
    [TestCase("EqualityContract")]
    public void A_schema_named_like_a_member_of_its_own_type_is_TK0009_at_its_key(string schema)
    {
        // Found by NameFuzzTests: record ToString { } declares ToString() inside itself (CS0542).
        GeneratedCode.AssertReports(Spec(schemas: $"    {schema}:\n      type: object\n      properties: {{ a: {{ type: string }} }}\n"), "TK0009", 49, 5);
    }

    [Test]
    public void An_enum_schema_named_Value_is_TK0009_at_its_key()
    {
        GeneratedCode.AssertReports(Spec(schemas: "    value:\n      type: string\n      enum: [a]\n"), "TK0009", 49, 5);
    }

    [Test]
    public void A_schema_named_like_another_schemas_json_converter_is_TK0009()
    {
        // Job's converter ProbeJson.JobJsonConverter would shadow the model JobJsonConverter inside ProbeJson.
        var diagnostic = GeneratedCode.AssertReports(Spec(schemas: "    JobJsonConverter:\n      type: object\n      properties: { a: { type: string } }\n"), "TK0009", 49, 5);
        Assert.That(diagnostic.GetMessage(), Does.Contain("JobJsonConverter"));
    }

    [Test]
    public void Every_model_and_enum_names_its_generated_json_converter()
    {
        var outcome = GeneratedCode.AssertCompiles(Spec());

        Assert.That(outcome.Source("Probe.Models.g.cs"), Does.Contain("[global::System.Text.Json.Serialization.JsonConverter(typeof(ProbeJson.JobJsonConverter))]"));
        Assert.That(outcome.Source("Probe.Models.g.cs"), Does.Contain("[global::System.Text.Json.Serialization.JsonConverter(typeof(ProbeJson.StateJsonConverter))]"));
        Assert.That(outcome.Source("Probe.Json.g.cs"), Does.Contain("EditorBrowsableState.Never)]\npublic static partial class ProbeJson"));
    }

    [Test]
    public void Two_schemas_whose_names_pascal_case_the_same_are_TK0009_at_the_second()
    {
        var diagnostic = GeneratedCode.AssertReports(Spec(schemas: "    job_state:\n      type: object\n      properties: { a: { type: string } }\n    JobState:\n      type: object\n      properties: { a: { type: string } }\n"), "TK0009", 52, 5);
        Assert.That(diagnostic.GetMessage(), Does.Contain("JobState").And.Contain("line 49"));
    }

    [Test]
    public void A_schema_whose_readers_clash_with_another_schemas_is_TK0009()
    {
        // NullableState's reader ReadNullableState is the name of State's nullable reader.
        GeneratedCode.AssertReports(Spec(schemas: "    NullableState:\n      type: object\n      properties: { a: { type: string } }\n"), "TK0009", 49, 5);
    }

    [TestCase("get_job")]
    [TestCase("get-job")]
    [TestCase("GetJob")]
    public void OperationIds_that_pascal_case_the_same_are_TK0009_at_the_second(string operationId)
    {
        var extra = $$"""
              /other:
                get:
                  operationId: {{operationId}}
                  responses: { "200": { description: ok } }
            """;
        var diagnostic = GeneratedCode.AssertReports(Spec(extraPaths: extra), "TK0009", 40, 20);
        Assert.That(diagnostic.GetMessage(), Does.Contain("GetJobAsync").And.Contain("line 9"));
    }

    [Test]
    public void An_operation_named_like_another_operations_validate_hook_is_TK0009()
    {
        // createJobAsync (JSON body) → CreateJobAsyncAsync, whose hook ValidateCreateJobAsync is validateCreateJob's method.
        var extra = """
              /validate:
                get:
                  operationId: validateCreateJob
                  responses: { "200": { description: ok } }
              /async:
                post:
                  operationId: createJobAsync
                  requestBody:
                    content:
                      application/json:
                        schema: { $ref: "#/components/schemas/Job" }
                  responses: { "200": { description: ok } }
            """;
        var diagnostic = GeneratedCode.AssertReports(Spec(extraPaths: extra), "TK0009", 44, 20);
        Assert.That(diagnostic.GetMessage(), Does.Contain("ValidateCreateJobAsync"));
    }

    [Test]
    public void An_operation_whose_descriptor_field_is_taken_by_the_client_is_TK0009()
    {
        var extra = """
              /vendor:
                get:
                  operationId: vendor
                  responses: { "200": { description: ok } }
            """;
        var diagnostic = GeneratedCode.AssertReports(Spec(extraPaths: extra), "TK0009", 40, 20);
        Assert.That(diagnostic.GetMessage(), Does.Contain("s_vendor"));
    }

    [Test]
    public void An_sse_name_equal_to_its_operations_is_TK0009_at_the_name()
    {
        var extra = """
              /stream:
                post:
                  operationId: transcribe
                  x-tk-sse:
                    name: Transcribe
                    events: { done: Done }
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: { $ref: "#/components/schemas/Done" }
            """;
        GeneratedCode.AssertReports(Spec(extraPaths: extra, schemas: "    Done:\n      type: object\n      properties: { ok: { type: boolean } }\n"), "TK0009", 42, 15);
    }

    [Test]
    public void A_poll_name_that_clashes_with_an_operation_is_TK0009()
    {
        var extra = """
              /wait:
                get:
                  operationId: waitForJob
                  responses: { "200": { description: ok } }
            """;
        // Reported at the x-tk-poll name: the operationId is the primary name, WaitForJobAsync is derived.
        var diagnostic = GeneratedCode.AssertReports(Spec(extraPaths: extra), "TK0009", 11, 15);
        Assert.That(diagnostic.GetMessage(), Does.Contain("WaitForJobAsync").And.Contain("waitForJob"));
    }

    [Test]
    public void Keyword_and_digit_names_everywhere_compile()
    {
        GeneratedCode.AssertCompiles(Spec(properties: Properties("class", "namespace", "1st", "_1st"), enumValues: "done, class, \"1\", \"_1\"", parameters: Parameters("class", "await", "var", "2nd")));
    }

    [TestCase("state_value")]
    [TestCase("status")]
    [TestCase("job")]
    [TestCase("probe_json")]
    public void A_property_named_like_a_model_type_compiles(string name)
    {
        // Job has a property 'state' of type State; a property whose C# name is another type's must not hide it.
        GeneratedCode.AssertCompiles(Spec(properties: Properties(name, "State") , schemas: "    Status:\n      type: object\n      properties: { a: { $ref: \"#/components/schemas/State\" }, state: { type: string } }\n"));
    }
}
