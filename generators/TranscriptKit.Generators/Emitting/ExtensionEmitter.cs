using System.Linq;
using TranscriptKit.Generators.Model;

namespace TranscriptKit.Generators.Emitting;

/// <summary>What the reshaping extensions add to the client: error reasons (<c>x-tk-envelope</c>), upload helpers (<c>x-tk-upload</c>) and event streams (<c>x-tk-sse</c>).</summary>
internal static class ExtensionEmitter
{
    public static string EmitErrorReasons(ApiSpec spec)
    {
        var w = Emitter.Begin(spec);
        w.DocRaw($"<summary>The stable names of {CSharpText.XmlDoc(spec.DisplayName)}'s documented business errors, as <see cref=\"{KnownTypes.TranscriptKitException}.Reason\"/> carries them: switch on these instead of matching message text.</summary>");
        w.Line(Emitter.GeneratedCodeAttribute);
        w.Open($"public static partial class {GeneratedNames.ErrorReasons(spec.ClientName)}");
        foreach (var reason in spec.Envelope!.Rules.GroupBy(r => r.Reason))
        {
            var documented = string.Join("; ", reason.Select(r => $"code {CSharpText.Number(r.Code)}" + (r.MessagePrefix is null ? string.Empty : $" \"{r.MessagePrefix}…\"")));
            w.DocRaw($"<summary>{CSharpText.XmlDoc(documented)}.</summary>");
            w.Line($"public const string {reason.Key} = {CSharpText.Literal(reason.Key)};");
            w.Line();
        }

        w.Close();
        return w.ToString();
    }

    public static string EmitUploads(ApiSpec spec)
    {
        var w = Emitter.Begin(spec);
        w.Open($"public partial interface {Emitter.Interface(spec)}");
        foreach (var upload in spec.Uploads)
        {
            UploadDocs(w, spec, upload);
            w.Line($"{UploadSignature(upload)};");
        }

        w.Close();
        w.Line();
        w.Open($"public partial class {Emitter.ClientClass(spec)}");
        foreach (var upload in spec.Uploads)
        {
            w.DocRaw("<inheritdoc />");
            w.Open($"public virtual async {UploadSignature(upload)}");
            w.Line($"{KnownTypes.ArgumentNullException}.ThrowIfNull(file);");
            w.Line($"var size = _pipeline.CheckUploadSize(file, {(upload.MaxSize is { } max ? CSharpText.Number(max) + "L" : "null")});");
            w.Line($"var request = new {upload.CreateBodyType}");
            w.Line("{");
            if (upload.FileName is { } fileName)
            {
                w.Line($"    {fileName.Name} = file.FileName,");
            }

            if (upload.ContentType is { } contentType)
            {
                w.Line($"    {contentType.Name} = file.ContentType,");
            }

            if (upload.Size is { } sizeMember)
            {
                var value = sizeMember.Type.Kind switch
                {
                    TypeKind.Int32 => "checked((int)size)",
                    TypeKind.Double => "(double)size",
                    _ => "size",
                };
                w.Line($"    {sizeMember.Name} = {value},");
            }

            w.Line("};");
            w.Line($"var created = await {upload.CreateMethodName}(request, cancellationToken).ConfigureAwait(false);");
            w.Line($"var url = created.{upload.Url.Name}{Required(upload.Url, "the upload URL")};");
            w.Line($"await _pipeline.SendToSignedUrlAsync(url, {CSharpText.Literal(upload.HttpMethod)}, file, progress, cancellationToken).ConfigureAwait(false);");
            if (upload.CompleteMethodName is not null)
            {
                w.Line($"var complete = new {upload.CompleteBodyType}");
                w.Line("{");
                foreach (var assignment in upload.CompleteFields)
                {
                    var required = assignment.Target.NonNull && !assignment.Source.NonNull ? Required(assignment.Source, assignment.Source.Name) : string.Empty;
                    w.Line($"    {assignment.Target.Name} = created.{assignment.Source.Name}{required},");
                }

                w.Line("};");
                w.Line($"await {upload.CompleteMethodName}(complete, cancellationToken).ConfigureAwait(false);");
            }

            w.Line(upload.Result is { } result ? $"return created.{result.Name}{Required(result, result.Name)};" : "return created;");
            w.Close();
            w.Line();
        }

        w.Close();
        return w.ToString();
    }

    private static string Required(MemberRef member, string what) =>
        member.NonNull ? string.Empty : $" ?? throw new {KnownTypes.TranscriptKitResponseException}(VendorId, {CSharpText.Literal($"The upload response has no {what}.")})";

    private static string UploadSignature(UploadSpec upload)
    {
        var result = upload.Result is { } r ? TypeNames.Of(r.Type, nullable: false) : upload.CreateResponseType;
        return $"{KnownTypes.Task}<{result}> {GeneratedNames.Upload(upload.Name)}({KnownTypes.UploadFile} file, {KnownTypes.Progress}<{KnownTypes.UploadProgress}>? progress = null, {KnownTypes.CancellationToken} cancellationToken = default)";
    }

    private static void UploadDocs(SourceWriter w, ApiSpec spec, UploadSpec upload)
    {
        w.DocRaw($"<summary>Uploads a file in one call: asks {CSharpText.XmlDoc(spec.DisplayName)} for a signed URL, streams the bytes to it ({upload.HttpMethod}, without the API key){(upload.CompleteMethodName is null ? string.Empty : ", then marks the upload complete")}.</summary>");
        w.DocRaw($"<remarks>The size is checked before anything is sent{(upload.MaxSize is { } max ? $" (at most {CSharpText.GroupedNumber(max)} bytes)" : string.Empty)}, so the file must be a path or a seekable stream. Memory stays constant whatever the size.</remarks>");
        w.DocRaw("<param name=\"file\">The file to upload.</param>");
        w.DocRaw("<param name=\"progress\">Receives the bytes sent.</param>");
        w.DocRaw("<param name=\"cancellationToken\">Cancels the upload.</param>");
        w.DocRaw(upload.Result is null ? "<returns>The create-upload response.</returns>" : $"<returns>The <c>{CSharpText.XmlDoc(upload.Result.Name)}</c> that later requests refer to.</returns>");
        w.DocRaw($"<exception cref=\"global::System.ArgumentException\">The file's size is unknown or over the limit.</exception>");
        w.DocRaw($"<exception cref=\"{KnownTypes.TranscriptKitException}\">The vendor or its storage refused the upload.</exception>");
    }

    public static string EmitStreams(ApiSpec spec)
    {
        var w = Emitter.Begin(spec);
        var json = Emitter.JsonClass(spec);
        foreach (var stream in spec.Streams)
        {
            var eventType = GeneratedNames.StreamEvent(stream.Name);
            w.DocRaw($"<summary>One event of <c>{CSharpText.XmlDoc(stream.OperationId)}</c>'s event stream: <see cref=\"EventType\"/> names it and the matching property holds its data.</summary>");
            w.Line(Emitter.GeneratedCodeAttribute);
            w.Open($"public sealed partial record {eventType}");
            w.DocRaw("<summary>The event name as sent (events the spec does not list arrive with every data property null).</summary>");
            w.Line("public required string EventType { get; init; }");
            foreach (var item in stream.Events)
            {
                w.Line();
                w.DocRaw($"<summary>The data of a <c>{CSharpText.XmlDoc(item.EventName)}</c> event.</summary>");
                w.Line($"public {item.SchemaName}? {item.PropertyName} {{ get; init; }}");
            }

            w.Close();
            w.Line();
        }

        w.Open($"public partial interface {Emitter.Interface(spec)}");
        foreach (var stream in spec.Streams)
        {
            var operation = spec.Operations.First(o => o.OperationId == stream.OperationId);
            w.DocRaw($"<summary>{CSharpText.XmlDoc(operation.Summary ?? operation.OperationId)} Streams the vendor's Server-Sent Events as they arrive.</summary>");
            w.DocRaw(stream.EndEvent is null
                ? "<remarks>Each event reaches the caller as soon as it is received.</remarks>"
                : $"<remarks>Each event reaches the caller as soon as it is received; the stream completes after <c>{CSharpText.XmlDoc(stream.EndEvent)}</c>. A vendor error event or a connection that drops before then throws a <see cref=\"{KnownTypes.TranscriptKitException}\"/>.</remarks>");
            foreach (var parameter in ClientEmitter.Parameters(operation))
            {
                w.DocRaw($"<param name=\"{GeneratedNames.DocParameter(parameter.Name)}\">{CSharpText.XmlDoc(parameter.Description ?? "The '" + parameter.Name + "' value.")}</param>");
            }

            w.DocRaw("<returns>The events in order.</returns>");
            w.Line($"{StreamSignature(stream, operation, forInterface: true)};");
        }

        w.Close();
        w.Line();
        w.Open($"public partial class {Emitter.ClientClass(spec)}");
        foreach (var stream in spec.Streams)
        {
            var operation = spec.Operations.First(o => o.OperationId == stream.OperationId);
            var descriptor = GeneratedNames.StreamDescriptor(stream.Name);
            w.Line($"private static readonly {KnownTypes.SseDescriptor} {descriptor} = new({CSharpText.Literal(stream.OperationId)}, {(stream.EndEvent is null ? "null" : CSharpText.Literal(stream.EndEvent))}, {(stream.ErrorEvent is null ? "null" : CSharpText.Literal(stream.ErrorEvent))});");
            w.Line();
            w.DocRaw("<inheritdoc />");
            w.Open($"public virtual async {StreamSignature(stream, operation, forInterface: false)}");
            var body = ClientEmitter.EmitRequest(w, spec, operation);
            w.Line("request.Headers.Add(\"Accept\", \"text/event-stream\");");
            w.Line($"var response = await _pipeline.SendAsync(request, {body}, {ClientEmitter.DescriptorField(operation)}, cancellationToken).ConfigureAwait(false);");
            w.Open($"await foreach (var item in global::System.Threading.Tasks.TaskAsyncEnumerableExtensions.ConfigureAwait(_pipeline.ReadEventsAsync(response, {descriptor}, cancellationToken), false))");
            w.Open("switch (item.EventType)");
            foreach (var item in stream.Events)
            {
                w.Line($"case {CSharpText.Literal(item.EventName)}:");
                w.Line($"    yield return new {GeneratedNames.StreamEvent(stream.Name)} {{ EventType = item.EventType, {item.PropertyName} = _pipeline.ParseEvent(item, {descriptor}, {json}.{GeneratedNames.Read(item.SchemaName)}) }};");
                w.Line("    break;");
            }

            w.Line("default:");
            w.Line($"    yield return new {GeneratedNames.StreamEvent(stream.Name)} {{ EventType = item.EventType }};");
            w.Line("    break;");
            w.Close();
            w.Close();
            w.Close();
            w.Line();
        }

        w.Close();
        return w.ToString();
    }

    private static string StreamSignature(SseSpec stream, OperationSpec operation, bool forInterface)
    {
        var parameters = ClientEmitter.Parameters(operation).Select(p => p.Name == "cancellationToken" && !forInterface ? $"[{KnownTypes.EnumeratorCancellation}] {p.Declaration}" : p.Declaration);
        return $"{KnownTypes.AsyncEnumerable}<{GeneratedNames.StreamEvent(stream.Name)}> {GeneratedNames.Stream(stream.Name)}({string.Join(", ", parameters)})";
    }
}
