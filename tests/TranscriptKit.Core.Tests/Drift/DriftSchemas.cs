using TranscriptKit;

namespace TranscriptKit.Core.Tests.Drift;

/// <summary>A small inline schema in the shape the generator emits: a job with a status enum, a nested transcript and words.</summary>
internal static class DriftSchemas
{
    public static readonly ResponseSchema Job = new(
        "testvendor",
        [
            new ResponseModel("Job", [
                new SchemaProperty("id", new SchemaNode(SchemaKind.String), Required: true),
                new SchemaProperty("status", new SchemaNode(SchemaKind.String, EnumValues: ["queued", "running", "done"]), Required: true),
                new SchemaProperty("duration", new SchemaNode(SchemaKind.Number, Nullable: true), Required: false),
                new SchemaProperty("progress", new SchemaNode(SchemaKind.Integer), Required: false),
                new SchemaProperty("ok", new SchemaNode(SchemaKind.Boolean), Required: false),
                new SchemaProperty("transcript", new SchemaNode(SchemaKind.Object, Model: "Transcript"), Required: false),
                new SchemaProperty("meta", new SchemaNode(SchemaKind.Any), Required: false),
            ]),
            new ResponseModel("Transcript", [
                new SchemaProperty("words", new SchemaNode(SchemaKind.Array, Item: new SchemaNode(SchemaKind.Object, Model: "Word")), Required: true),
            ]),
            new ResponseModel("Word", [
                new SchemaProperty("text", new SchemaNode(SchemaKind.String), Required: true),
                new SchemaProperty("start", new SchemaNode(SchemaKind.Integer), Required: true),
            ]),
        ],
        [
            new OperationResponse("getThing", [200, 404], new SchemaNode(SchemaKind.Object, Model: "Job")),
            new OperationResponse("startJob", [201, 400], new SchemaNode(SchemaKind.Object, Model: "Job")),
        ]);
}
