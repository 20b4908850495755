using System.Linq;
using NUnit.Framework;
using TranscriptKit.SpecTools;

namespace TranscriptKit.SpecTools.Tests;

/// <summary>One small spec and one edit per rule: the edit is reported once, under its rule, with its C# and wire impact.</summary>
[TestFixture]
[CancelAfter(10_000)]
public sealed class RuleTests
{
    private const ChangeImpact N = ChangeImpact.None;
    private const ChangeImpact A = ChangeImpact.Additive;
    private const ChangeImpact B = ChangeImpact.Breaking;

    // Request model CreateJob (createJob's body), response model Job (getJob's response), an enum used both ways.
    private const string Base = """
        openapi: 3.1.0
        info: { title: Tiny, version: "1" }
        x-tk-client: { name: Tiny, vendor: tiny }
        x-tk-limits:
          languages: [en, fr]
          max-concurrent-jobs: 4
        servers:
          - url: https://api.tiny.example/v1
        security:
          - bearer: []
        paths:
          /jobs:
            post:
              operationId: createJob
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/CreateJob" }
              responses:
                "200":
                  description: queued
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Job" }
          /jobs/{id}:
            get:
              operationId: getJob
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              x-tk-poll:
                name: Job
                start: createJob
                succeeded-when: { field: status, equals: [done] }
                interval: 2s
                timeout: 10m
              responses:
                "200":
                  description: the job
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Job" }
          /keys:
            post:
              operationId: createKey
              responses: { "200": { description: created } }
          /balance:
            get:
              operationId: getBalance
              parameters:
                - { name: verbose, in: query, required: false, schema: { type: boolean } }
              responses:
                "200":
                  description: credits
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Balance" }
        components:
          securitySchemes:
            bearer: { type: http, scheme: bearer }
          schemas:
            CreateJob:
              type: object
              required: [url]
              properties:
                url: { type: string }
                speakers: { type: integer, format: int32 }
                mode: { $ref: "#/components/schemas/Mode" }
            Job:
              type: object
              required: [id, status]
              properties:
                id: { type: string }
                status: { type: string }
                words: { type: integer, format: int32 }
                title: { type: string }
            Balance:
              type: object
              required: [credits]
              properties:
                credits: { type: integer, format: int32 }
            Mode:
              type: string
              enum: [fast, accurate]
        """;

    private static SpecChange Single(string from, string to)
    {
        Assert.That(Base, Does.Contain(from), "the edit must apply to the base spec");
        var changed = Base.Replace(from, to);
        var result = SpecDiff.Compare(Base, changed, "old.yaml", "new.yaml");
        Assert.That(result.Changes, Has.Count.EqualTo(1), string.Join("\n", result.Changes));
        return result.Changes[0];
    }

    private static SpecChange Find(string from, string to, string rule)
    {
        Assert.That(Base, Does.Contain(from), "the edit must apply to the base spec");
        var result = SpecDiff.Compare(Base, Base.Replace(from, to), "old.yaml", "new.yaml");
        var found = result.Changes.Where(c => c.Rule == rule).ToList();
        Assert.That(found, Has.Count.EqualTo(1), string.Join("\n", result.Changes));
        return found[0];
    }

    private static void AssertChange(SpecChange change, string rule, ChangeImpact csharp, ChangeImpact wire)
    {
        Assert.Multiple(() =>
        {
            Assert.That(change.Rule, Is.EqualTo(rule));
            Assert.That(change.CSharp, Is.EqualTo(csharp), "C#");
            Assert.That(change.Wire, Is.EqualTo(wire), "wire");
        });
    }

    [Test]
    public void The_same_spec_has_no_changes()
    {
        var result = SpecDiff.Compare(Base, Base, "old.yaml", "new.yaml");
        Assert.That(result.Changes, Is.Empty);
        Assert.That(result.IsBreaking, Is.False);
    }

    [Test]
    public void Formatting_comments_and_descriptions_are_not_changes()
    {
        var reformatted = Base.Replace("description: credits", "description: the account's credits").Replace("paths:", "# the operations\npaths:");
        Assert.That(SpecDiff.Compare(Base, reformatted, "old.yaml", "new.yaml").Changes, Is.Empty);
    }

    [Test]
    public void A_removed_operation_breaks_both()
    {
        var change = Single("""
              /balance:
                get:
                  operationId: getBalance
                  parameters:
                    - { name: verbose, in: query, required: false, schema: { type: boolean } }
                  responses:
                    "200":
                      description: credits
                      content:
                        application/json:
                          schema: { $ref: "#/components/schemas/Balance" }

            """.Replace("\r\n", "\n"), string.Empty);
        AssertChange(change, "operation-removed", B, B);
    }

    [Test]
    public void An_added_operation_is_additive()
    {
        var change = Single("components:\n", """
              /health:
                get:
                  operationId: getHealth
                  responses: { "200": { description: ok } }
            components:

            """.Replace("\r\n", "\n"));
        AssertChange(change, "operation-added", A, A);
    }

    [Test]
    public void A_renamed_operation_breaks_the_csharp_but_not_the_wire()
    {
        AssertChange(Single("operationId: getBalance", "operationId: fetchBalance"), "operation-renamed", B, N);
    }

    [Test]
    public void A_changed_path_breaks_the_wire_but_not_the_csharp()
    {
        AssertChange(Single("/balance:", "/account/balance:"), "operation-moved", N, B);
    }

    [Test]
    public void A_changed_method_breaks_the_wire()
    {
        // A POST is no longer retried by default, so idempotent-removed is reported too.
        AssertChange(Find("    get:\n      operationId: getBalance", "    post:\n      operationId: getBalance", "operation-moved"), "operation-moved", N, B);
    }

    [Test]
    public void A_removed_response_field_breaks_both()
    {
        AssertChange(Single("        title: { type: string }\n", string.Empty), "property-removed", B, B);
    }

    [Test]
    public void A_new_optional_field_is_additive()
    {
        AssertChange(Single("        title: { type: string }\n", "        title: { type: string }\n        lang: { type: string }\n"), "property-added-optional", A, A);
    }

    [Test]
    public void A_new_required_request_field_breaks_both()
    {
        AssertChange(Single("      required: [url]\n      properties:\n        url: { type: string }\n", "      required: [url, lang]\n      properties:\n        url: { type: string }\n        lang: { type: string }\n"), "property-added-required", B, B);
    }

    [Test]
    public void A_new_required_response_field_is_additive()
    {
        AssertChange(Single("      required: [id, status]\n", "      required: [id, status, title]\n"), "required-added", B, A);
    }

    [Test]
    public void A_response_field_no_longer_required_breaks_the_wire()
    {
        AssertChange(Single("      required: [id, status]\n", "      required: [id]\n"), "required-removed", B, B);
    }

    [Test]
    public void A_request_field_no_longer_required_does_not_break_the_wire()
    {
        AssertChange(Single("      required: [url]\n", "      required: []\n"), "required-removed", B, A);
    }

    [Test]
    public void A_widened_response_type_breaks_the_wire()
    {
        AssertChange(Single("words: { type: integer, format: int32 }", "words: { type: integer, format: int64 }"), "type-widened", B, B);
    }

    [Test]
    public void A_widened_request_type_does_not_break_the_wire()
    {
        AssertChange(Single("speakers: { type: integer, format: int32 }", "speakers: { type: integer, format: int64 }"), "type-widened", B, A);
    }

    [Test]
    public void A_narrowed_request_type_breaks_the_wire()
    {
        var widened = Base.Replace("speakers: { type: integer, format: int32 }", "speakers: { type: number }");
        var change = SpecDiff.Compare(widened, Base, "old.yaml", "new.yaml").Changes.Single();
        AssertChange(change, "type-narrowed", B, B);
    }

    [Test]
    public void An_unrelated_type_change_breaks_both()
    {
        AssertChange(Single("title: { type: string }", "title: { type: boolean }"), "type-changed", B, B);
    }

    [Test]
    public void A_response_field_that_may_now_be_null_breaks_the_wire()
    {
        AssertChange(Single("title: { type: string }", "title: { type: [string, \"null\"] }"), "nullable-added", B, B);
    }

    [Test]
    public void A_request_field_that_may_now_be_null_does_not_break_the_wire()
    {
        AssertChange(Single("url: { type: string }", "url: { type: [string, \"null\"] }"), "nullable-added", B, A);
    }

    [Test]
    public void A_removed_enum_value_the_client_may_send_breaks_the_wire()
    {
        AssertChange(Single("enum: [fast, accurate]", "enum: [fast]"), "enum-value-removed", B, B);
    }

    [Test]
    public void An_added_enum_value_is_additive()
    {
        AssertChange(Single("enum: [fast, accurate]", "enum: [fast, accurate, turbo]"), "enum-value-added", A, A);
    }

    [Test]
    public void A_new_required_parameter_breaks_both()
    {
        AssertChange(Single("schema: { type: boolean } }\n", "schema: { type: boolean } }\n        - { name: tenant, in: query, required: true, schema: { type: string } }\n"), "parameter-added-required", B, B);
    }

    [Test]
    public void A_new_optional_parameter_is_additive()
    {
        AssertChange(Single("schema: { type: boolean } }\n", "schema: { type: boolean } }\n        - { name: tenant, in: query, required: false, schema: { type: string } }\n"), "parameter-added-optional", A, A);
    }

    [Test]
    public void A_parameter_that_becomes_required_breaks_both()
    {
        AssertChange(Single("{ name: verbose, in: query, required: false", "{ name: verbose, in: query, required: true"), "required-added", B, B);
    }

    [Test]
    public void An_auth_change_breaks_both()
    {
        var keyed = Base
            .Replace("  - bearer: []\n", "  - key: []\n    secret: []\n")
            .Replace("    bearer: { type: http, scheme: bearer }\n", "    key: { type: apiKey, in: header, name: X-Key }\n    secret: { type: apiKey, in: header, name: X-Secret }\n");
        var change = SpecDiff.Compare(Base, keyed, "old.yaml", "new.yaml").Changes.Single();
        AssertChange(change, "auth-changed", B, B);
    }

    [Test]
    public void A_changed_server_breaks_the_wire()
    {
        AssertChange(Single("https://api.tiny.example/v1", "https://api.tiny.example/v2"), "endpoint-changed", N, B);
    }

    [Test]
    public void A_paid_operation_marked_unpaid_breaks_the_wire_because_it_may_be_sent_twice()
    {
        AssertChange(Single("      operationId: createJob\n", "      operationId: createJob\n      x-tk-paid: false\n"), "paid-removed", N, B);
    }

    [Test]
    public void An_operation_marked_paid_is_additive()
    {
        AssertChange(Single("      operationId: createKey\n", "      operationId: createKey\n      x-tk-paid: true\n"), "paid-added", N, A);
    }

    [Test]
    public void An_operation_marked_idempotent_breaks_the_wire_because_it_is_now_retried()
    {
        AssertChange(Single("      operationId: createKey\n", "      operationId: createKey\n      x-tk-idempotent: true\n"), "idempotent-added", N, B);
    }

    [Test]
    public void A_shorter_operation_timeout_breaks_the_wire()
    {
        var slow = Base.Replace("      operationId: getBalance\n", "      operationId: getBalance\n      x-tk-timeout: 600s\n");
        var change = SpecDiff.Compare(slow, slow.Replace("x-tk-timeout: 600s", "x-tk-timeout: 60s"), "old.yaml", "new.yaml").Changes.Single();
        AssertChange(change, "timeout-shortened", N, B);
    }

    [Test]
    public void A_changed_poll_condition_breaks_the_wire()
    {
        AssertChange(Single("equals: [done]", "equals: [finished]"), "poll-reading-changed", N, B);
    }

    [Test]
    public void A_shorter_poll_timeout_breaks_the_wire()
    {
        AssertChange(Single("timeout: 10m", "timeout: 5m"), "poll-timeout-shortened", N, B);
    }

    [Test]
    public void A_longer_poll_timeout_is_additive()
    {
        AssertChange(Single("timeout: 10m", "timeout: 20m"), "poll-timeout-lengthened", N, A);
    }

    [Test]
    public void Other_poll_pacing_is_additive()
    {
        AssertChange(Single("interval: 2s", "interval: 5s"), "poll-pacing-changed", N, A);
    }

    [Test]
    public void A_removed_poll_breaks_both()
    {
        // The start of a poll is paid implicitly, so createJob's paid-removed is reported as well.
        var change = Find(
            "      x-tk-poll:\n        name: Job\n        start: createJob\n        succeeded-when: { field: status, equals: [done] }\n        interval: 2s\n        timeout: 10m\n",
            string.Empty,
            "poll-removed");
        AssertChange(change, "poll-removed", B, B);
    }

    [Test]
    public void A_lower_limit_breaks_the_wire()
    {
        AssertChange(Single("max-concurrent-jobs: 4", "max-concurrent-jobs: 2"), "limit-tightened", N, B);
    }

    [Test]
    public void A_higher_limit_is_additive()
    {
        AssertChange(Single("max-concurrent-jobs: 4", "max-concurrent-jobs: 8"), "limit-loosened", N, A);
    }

    [Test]
    public void A_language_no_longer_accepted_breaks_the_wire()
    {
        AssertChange(Single("languages: [en, fr]", "languages: [en]"), "limit-tightened", N, B);
    }

    [Test]
    public void A_new_language_is_additive()
    {
        AssertChange(Single("languages: [en, fr]", "languages: [en, fr, de]"), "limit-loosened", N, A);
    }

    [Test]
    public void A_platform_host_list_added_to_a_vendor_that_took_any_host_breaks_the_wire()
    {
        AssertChange(Single("max-concurrent-jobs: 4", "max-concurrent-jobs: 4\n  url-hosts: [youtube.com]"), "limit-tightened", N, B);
    }

    [Test]
    public void A_platform_host_dropped_from_the_list_breaks_the_wire()
    {
        var listed = Base.Replace("max-concurrent-jobs: 4", "max-concurrent-jobs: 4\n  url-hosts: [youtube.com, x.com]");
        var result = SpecDiff.Compare(listed, listed.Replace("[youtube.com, x.com]", "[youtube.com]"), "old.yaml", "new.yaml");

        Assert.That(result.Changes.Select(c => (c.Rule, c.Subject)), Is.EqualTo(new[] { ("limit-tightened", "x-tk-limits url-hosts") }));
    }

    [Test]
    public void A_price_added_changed_or_removed_touches_neither_the_csharp_nor_the_wire()
    {
        const string Price = "x-tk-pricing: { unit: credits, amount: 1, per: minute }\nx-tk-limits:\n";
        var added = Single("x-tk-limits:\n", Price);
        AssertChange(added, "pricing-added", N, N);
        Assert.That(added.Detail, Is.EqualTo("none → 1 credits per minute"));

        var priced = Base.Replace("x-tk-limits:\n", Price);
        var changed = SpecDiff.Compare(priced, priced.Replace("amount: 1, per: minute", "amount: 2, per: minute, rounding: { value: up, x-tk-inferred: true }"), "old.yaml", "new.yaml").Changes.Single();
        AssertChange(changed, "pricing-changed", N, N);
        Assert.That(changed.Detail, Is.EqualTo("1 credits per minute → 2 credits per minute, rounded up (inferred in part)"));

        AssertChange(SpecDiff.Compare(priced, Base, "old.yaml", "new.yaml").Changes.Single(), "pricing-removed", N, N);
    }

    [Test]
    public void A_renamed_client_breaks_the_csharp_only()
    {
        AssertChange(Single("x-tk-client: { name: Tiny,", "x-tk-client: { name: Teeny,"), "client-renamed", B, N);
    }

    [Test]
    public void A_changed_vendor_id_breaks_both_because_job_tokens_carry_it()
    {
        AssertChange(Find("vendor: tiny }", "vendor: teeny }", "vendor-id-changed"), "vendor-id-changed", B, B);
    }

    [Test]
    public void Other_error_fields_only_change_exception_texts()
    {
        AssertChange(Single("x-tk-limits:\n", "x-tk-errors:\n  message: [error]\nx-tk-limits:\n"), "error-fields-changed", N, A);
    }

    [Test]
    public void A_request_body_no_longer_required_is_additive()
    {
        AssertChange(Single("      requestBody:\n        required: true", "      requestBody:\n        required: false"), "body-required-removed", A, A);
    }

    [Test]
    public void An_added_request_content_type_is_additive_and_removing_it_breaks_both()
    {
        const string Json = "          application/json:\n            schema: { $ref: \"#/components/schemas/CreateJob\" }\n";
        const string Multipart = "          multipart/form-data:\n            schema: { type: object, required: [file], properties: { file: { type: string, format: binary } } }\n";
        var added = Single(Json, Json + Multipart);
        AssertChange(added, "content-type-added", A, A);
        Assert.That(added.ToString(), Does.Contain("multipart/form-data"));

        var withTwo = Base.Replace(Json, Json + Multipart);
        var removed = SpecDiff.Compare(withTwo, Base, "old.yaml", "new.yaml").Changes;
        Assert.That(removed, Has.Count.EqualTo(1));
        AssertChange(removed[0], "content-type-removed", B, B);
    }

    [Test]
    public void A_new_model_is_additive_to_the_csharp()
    {
        AssertChange(Single("      enum: [fast, accurate]", "      enum: [fast, accurate]\n    Extra:\n      type: object\n      properties:\n        note: { type: string }"), "schema-added", A, N);
    }

    [Test]
    public void A_removed_model_breaks_the_csharp_and_where_it_was_used()
    {
        var result = SpecDiff.Compare(Base, Base.Replace("        mode: { $ref: \"#/components/schemas/Mode\" }\n", string.Empty).Replace("\n    Mode:\n      type: string\n      enum: [fast, accurate]", string.Empty), "old.yaml", "new.yaml");
        Assert.That(result.Changes.Select(c => (c.Rule, c.CSharp, c.Wire)), Is.EquivalentTo(new[] { ("property-removed", B, B), ("schema-removed", B, N) }));
    }

    [Test]
    public void An_operation_no_longer_idempotent_is_additive()
    {
        AssertChange(Single("      operationId: getBalance\n", "      operationId: getBalance\n      x-tk-idempotent: false\n"), "idempotent-removed", N, A);
    }

    [Test]
    public void A_longer_operation_timeout_is_additive()
    {
        var slow = Base.Replace("      operationId: getBalance\n", "      operationId: getBalance\n      x-tk-timeout: 60s\n");
        var change = SpecDiff.Compare(slow, slow.Replace("x-tk-timeout: 60s", "x-tk-timeout: 600s"), "old.yaml", "new.yaml").Changes.Single();
        AssertChange(change, "timeout-lengthened", N, A);
    }

    [Test]
    public void A_new_upload_size_limit_breaks_the_wire()
    {
        AssertChange(Single("  max-concurrent-jobs: 4\n", "  max-concurrent-jobs: 4\n  max-upload-bytes: 1000\n"), "limit-tightened", N, B);
    }

    [Test]
    public void A_tighter_rate_limit_breaks_the_wire()
    {
        var limited = Base.Replace("  max-concurrent-jobs: 4\n", "  max-concurrent-jobs: 4\n  rate-limit: { requests: 10, per: 1s }\n");
        var change = SpecDiff.Compare(limited, limited.Replace("requests: 10", "requests: 5"), "old.yaml", "new.yaml").Changes.Single();
        AssertChange(change, "limit-tightened", N, B);
    }

    [Test]
    public void A_spec_the_generator_refuses_is_an_error_naming_the_generator_diagnostic()
    {
        var broken = Base.Replace("operationId: getBalance", "summary: no id");
        var error = Assert.Throws<SpecReadException>(() => SpecDiff.Compare(Base, broken, "old.yaml", "new.yaml"));
        Assert.That(error!.Path, Is.EqualTo("new.yaml"));
        Assert.That(error.Errors, Has.Some.StartsWith("TK0002"));
    }
}
