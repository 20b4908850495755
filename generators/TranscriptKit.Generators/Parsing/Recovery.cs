using System.Collections.Generic;
using System.Linq;
using TranscriptKit.Generators.Model;

namespace TranscriptKit.Generators.Parsing;

/// <summary>
/// What of a spec with errors can still be emitted. The parser drops each piece it cannot read (a schema, an
/// operation, an x-tk-poll) and reports it; when what remains is whole, emitting it keeps the user's own code that
/// uses the good parts compiling, so the TK diagnostic is the error they see rather than the first of dozens of
/// CS0246/CS1061 follow-ons. Anything doubtful emits nothing, as before: a half-consistent model would trade
/// the TK error for CS errors inside generated code.
/// </summary>
internal static class Recovery
{
    public static ApiSpec? Usable(ApiSpec? spec, IReadOnlyCollection<DiagnosticInfo> diagnostics)
    {
        // A name clash is reported but both names stay in the model; an internal error means the model is unknown.
        if (spec is null || diagnostics.Any(d => d.IsError && (d.Descriptor.Id == Diagnostics.NameClash.Id || d.Descriptor.Id == Diagnostics.InternalError.Id)))
        {
            return null;
        }

        var objects = new HashSet<string>(spec.Schemas.Where(s => s.Kind == SchemaKind.Object).Select(s => s.Name));
        var enums = new HashSet<string>(spec.Schemas.Where(s => s.Kind == SchemaKind.Enum).Select(s => s.Name));
        var operationIds = new HashSet<string>(spec.Operations.Select(o => o.OperationId));
        var methods = new HashSet<string>(spec.Operations.Select(o => o.MethodName));

        bool Resolves(TypeRef? type) => type is null || type.Kind switch
        {
            TypeKind.Object => type.SchemaName is { } name && objects.Contains(name),
            TypeKind.Enum => type.SchemaName is { } name && enums.Contains(name),
            TypeKind.Array => type.Item is not null && Resolves(type.Item),
            _ => true,
        };

        bool Member(MemberRef? member) => member is null || Resolves(member.Type);

        var whole =
            spec.Schemas.All(s => s.Properties.All(p => Resolves(p.Type)))
            && spec.Operations.All(o =>
                o.Parameters.All(p => Resolves(p.Type))
                && (o.Body is null || (Resolves(o.Body.JsonType) && o.Body.Fields.All(f => Resolves(f.Type))))
                && Resolves(o.Response.Type))
            && spec.Polls.All(p =>
                operationIds.Contains(p.StatusOperationId)
                && (p.StartOperationId is null || operationIds.Contains(p.StartOperationId))
                && methods.Contains(p.StatusMethodName)
                && objects.Contains(p.ResponseTypeName)
                && p.JobParameters.All(j => Resolves(j.Type))
                && new[] { p.Succeeded, p.Failed, p.Running, p.Error }.All(c => c is null || Resolves(c.Field.LeafType))
                && new[] { p.State, p.FailureMessage, p.Progress }.All(f => f is null || Resolves(f.LeafType)))
            && spec.Uploads.All(u =>
                methods.Contains(u.CreateMethodName)
                && objects.Contains(u.CreateBodyType)
                && objects.Contains(u.CreateResponseType)
                && (u.CompleteMethodName is null || methods.Contains(u.CompleteMethodName))
                && (u.CompleteBodyType is null || objects.Contains(u.CompleteBodyType))
                && new[] { u.Url, u.FileName, u.ContentType, u.Size, u.Result }.All(Member)
                && u.CompleteFields.All(f => Member(f.Target) && Member(f.Source)))
            && spec.Streams.All(s => operationIds.Contains(s.OperationId) && s.Events.All(e => objects.Contains(e.SchemaName)));
        return whole ? spec : null;
    }
}
