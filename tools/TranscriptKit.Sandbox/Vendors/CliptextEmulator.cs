using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using TranscriptKit.Cliptext;
using TranscriptKit.Sandbox.Media;

namespace TranscriptKit.Sandbox.Vendors;

/// <summary>
/// Cliptext (<c>/cliptext/v1</c>): presigned upload → PUT → complete → transcription, or the file itself in a multipart
/// <c>POST /transcriptions</c> (part <c>file</c>, the docs' field), polled until "completed"; list
/// with limit/cursor; get/delete; organizations and members; every error in <c>{error:{code,message,details}}</c>.
/// The shapes beyond the docs' overview follow the spec's inferred ones.
/// </summary>
internal sealed class CliptextEmulator : VendorEmulator
{
    private static readonly string[] AllowedFormats = ["mp3", "wav", "mp4", "m4a", "mov", "webm", "ogg", "flac"];

    private readonly object _gate = new();
    private SignedStorage _storage = null!;
    private readonly Dictionary<string, Upload> _uploads = new(StringComparer.Ordinal);
    private readonly List<Transcription> _transcriptions = [];
    private readonly Dictionary<string, JsonObject> _orgs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<JsonObject>> _members = new(StringComparer.Ordinal);

    public CliptextEmulator()
        : base(CliptextVendor.Definition)
    {
        _orgs["org_sandbox"] = new JsonObject { ["id"] = "org_sandbox", ["name"] = "Sandbox Organization", ["created_at"] = Timestamp(DateTime.UtcNow) };
        _members["org_sandbox"] = [];
    }

    private protected override void OnAttached() => _storage = new SignedStorage(Signer, Prefix);

    protected internal override bool IsStoragePath(string pathWithoutPrefix) => pathWithoutPrefix.StartsWith("/storage/", StringComparison.Ordinal);

    protected internal override Task WriteAuthErrorAsync(HttpContext context) =>
        WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "Invalid or missing API key", "UNAUTHORIZED");

    protected internal override Task WriteErrorAsync(HttpContext context, int status, string message, string? code = null) =>
        Error(context, status, code ?? DefaultCode(status), message, null);

    protected internal override void Map(IEndpointRouteBuilder routes)
    {
        MapOperation(routes, "createPresignedUpload", PresignAsync);
        MapPut(routes, "/storage/{token}", VendorFaults.SignedUploadOperation, _storage.HandlePutAsync, upload: true);
        MapOperation(routes, "completeUpload", CompleteAsync);
        MapOperation(routes, "createTranscription", CreateAsync);
        MapOperation(routes, "listTranscriptions", ListAsync);
        MapOperation(routes, "getTranscription", GetAsync);
        MapOperation(routes, "deleteTranscription", DeleteAsync);
        MapOperation(routes, "listOrganizations", ListOrgsAsync);
        MapOperation(routes, "getOrganization", GetOrgAsync);
        MapOperation(routes, "addOrganizationMember", AddMemberAsync);
    }

    private static string DefaultCode(int status) => status switch
    {
        400 => "VALIDATION_ERROR",
        401 => "UNAUTHORIZED",
        403 => "FORBIDDEN",
        404 => "NOT_FOUND",
        429 => "RATE_LIMIT_EXCEEDED",
        _ when status >= 500 => "INTERNAL_ERROR",
        _ => "ERROR",
    };

    private static Task Error(HttpContext context, int status, string code, string message, JsonObject? details) =>
        Json.WriteAsync(context, status, new JsonObject
        {
            ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["details"] = details ?? [] },
        });

    private static Task Invalid(HttpContext context, string message, string field) =>
        Error(context, 400, "VALIDATION_ERROR", message, new JsonObject { ["field"] = field });

    private static Task NotFound(HttpContext context, string what) => Error(context, 404, "NOT_FOUND", $"{what} not found", null);

    private static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private async Task PresignAsync(HttpContext context)
    {
        var body = await Json.ReadObjectAsync(context.Request).ConfigureAwait(false);
        var fileName = body is null ? null : Json.String(body, "file_name");
        if (string.IsNullOrWhiteSpace(fileName))
        {
            await Invalid(context, "file_name is required", "file_name").ConfigureAwait(false);
            return;
        }

        var extension = Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
        if (!AllowedFormats.Contains(extension))
        {
            // The docs' own error example.
            await Error(context, 400, "VALIDATION_ERROR", "Invalid file format", new JsonObject
            {
                ["field"] = "file",
                ["allowed"] = Json.Array(AllowedFormats.Select(f => (JsonNode)f)),
            }).ConfigureAwait(false);
            return;
        }

        var size = Json.Number(body!, "file_size");
        var upload = new Upload(NewId("upl_"), _storage.Create(NewId(), fileName, Json.String(body!, "content_type"), size is null ? null : (long)size.Value));
        lock (_gate)
        {
            _uploads[upload.Id] = upload;
        }

        await Json.OkAsync(context, new JsonObject
        {
            ["upload_id"] = upload.Id,
            ["upload_url"] = _storage.UploadUrl(Origin(context), upload.Slot.Token),
            ["expires_in"] = 900,
        }).ConfigureAwait(false);
    }

    private async Task CompleteAsync(HttpContext context)
    {
        var body = await Json.ReadObjectAsync(context.Request).ConfigureAwait(false);
        var id = body is null ? null : Json.String(body, "upload_id");
        if (string.IsNullOrEmpty(id))
        {
            await Invalid(context, "upload_id is required", "upload_id").ConfigureAwait(false);
            return;
        }

        Upload? upload;
        lock (_gate)
        {
            upload = _uploads.GetValueOrDefault(id);
            if (upload?.Slot.Content is not null)
            {
                upload.Completed = true;
            }
        }

        await (upload is null ? NotFound(context, "Upload")
            : !upload.Completed ? Invalid(context, "No bytes were uploaded to upload_url", "upload_id")
            : Json.OkAsync(context, new JsonObject { ["upload_id"] = upload.Id, ["status"] = "completed" })).ConfigureAwait(false);
    }

    private async Task CreateAsync(HttpContext context)
    {
        if (MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
            && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            await CreateFromFileAsync(context, HeaderUtilities.RemoveQuotes(type.Boundary).Value).ConfigureAwait(false);
            return;
        }

        var body = await Json.ReadObjectAsync(context.Request).ConfigureAwait(false);
        var id = body is null ? null : Json.String(body, "upload_id");
        if (string.IsNullOrEmpty(id))
        {
            await Invalid(context, "upload_id is required", "upload_id").ConfigureAwait(false);
            return;
        }

        Transcription? transcription = null;
        Upload? upload;
        lock (_gate)
        {
            upload = _uploads.GetValueOrDefault(id);
            if (upload is { Completed: true })
            {
                transcription = new Transcription(NewId("txn_"), Media.TranscriptForHash(upload.Slot.Content!.Sha256), Timestamp(DateTime.UtcNow)) { Fails = TakeJobFailure() };
                _transcriptions.Add(transcription);
            }
        }

        await (upload is null ? NotFound(context, "Upload")
            : transcription is null ? Invalid(context, "The upload is not complete: call /uploads/complete first", "upload_id")
            : Json.WriteAsync(context, 201, transcription.ToJson(Options.PendingPolls))).ConfigureAwait(false);
    }

    /// <summary>The documented multipart create: the media in part <c>file</c>, an optional <c>language</c> text part.</summary>
    private async Task CreateFromFileAsync(HttpContext context, string? boundary)
    {
        ReceivedMedia? received = null;
        string? fileName = null;
        if (!string.IsNullOrEmpty(boundary))
        {
            // Streamed section by section: the file is hashed, never held.
            var reader = new MultipartReader(boundary, context.Request.Body) { BodyLengthLimit = null };
            while (await reader.ReadNextSectionAsync(context.RequestAborted).ConfigureAwait(false) is { } section)
            {
                if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    && string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, "file", StringComparison.Ordinal)
                    && received is null)
                {
                    fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                    received = await HashingReader.ReadAsync(section.Body, context.RequestAborted).ConfigureAwait(false);
                }
                else
                {
                    await section.Body.DrainAsync(context.RequestAborted).ConfigureAwait(false);
                }
            }
        }

        if (received is null)
        {
            // The docs' error shape, naming the field the docs name.
            await Invalid(context, "file is required: send the media in the multipart part named \"file\"", "file").ConfigureAwait(false);
            return;
        }

        var extension = Path.GetExtension(fileName ?? string.Empty).TrimStart('.').ToLowerInvariant();
        if (!AllowedFormats.Contains(extension) || received.Length == 0)
        {
            // The docs' own error example.
            await Error(context, 400, "VALIDATION_ERROR", "Invalid file format", new JsonObject
            {
                ["field"] = "file",
                ["allowed"] = Json.Array(AllowedFormats.Select(f => (JsonNode)f)),
            }).ConfigureAwait(false);
            return;
        }

        var transcription = new Transcription(NewId("txn_"), Media.TranscriptForHash(received.Sha256), Timestamp(DateTime.UtcNow)) { Fails = TakeJobFailure() };
        lock (_gate)
        {
            _transcriptions.Add(transcription);
        }

        await Json.WriteAsync(context, 201, transcription.ToJson(Options.PendingPolls)).ConfigureAwait(false);
    }

    private async Task ListAsync(HttpContext context)
    {
        var limitText = context.Request.Query["limit"].ToString();
        var cursor = context.Request.Query["cursor"].ToString();
        var limit = 20;
        if (limitText.Length > 0 && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 100))
        {
            await Invalid(context, "limit must be an integer from 1 to 100", "limit").ConfigureAwait(false);
            return;
        }

        JsonObject? page = null;
        lock (_gate)
        {
            // Oldest first; the cursor is the id of the last item of the previous page.
            var start = 0;
            if (cursor.Length > 0)
            {
                var index = _transcriptions.FindIndex(t => t.Id == cursor);
                start = index < 0 ? -1 : index + 1;
            }

            if (start >= 0)
            {
                var items = _transcriptions.Skip(start).Take(limit).ToList();
                var more = start + items.Count < _transcriptions.Count;
                page = new JsonObject
                {
                    ["data"] = Json.Array(items.Select(t => (JsonNode)t.ToJson(Options.PendingPolls))),
                    ["has_more"] = more,
                    ["next_cursor"] = more ? items[^1].Id : null,
                };
            }
        }

        await (page is null ? Invalid(context, "Unknown cursor", "cursor") : Json.OkAsync(context, page)).ConfigureAwait(false);
    }

    private async Task GetAsync(HttpContext context)
    {
        JsonObject? json = null;
        lock (_gate)
        {
            if (_transcriptions.Find(t => t.Id == Route(context, "id")) is { } transcription)
            {
                transcription.Polls++;
                json = transcription.ToJson(Options.PendingPolls);
            }
        }

        await (json is null ? NotFound(context, "Transcription") : Json.OkAsync(context, json)).ConfigureAwait(false);
    }

    private async Task DeleteAsync(HttpContext context)
    {
        var id = Route(context, "id");
        bool removed;
        lock (_gate)
        {
            removed = _transcriptions.RemoveAll(t => t.Id == id) > 0;
        }

        await (removed ? Json.OkAsync(context, new JsonObject { ["id"] = id, ["deleted"] = true }) : NotFound(context, "Transcription")).ConfigureAwait(false);
    }

    private Task ListOrgsAsync(HttpContext context)
    {
        lock (_gate)
        {
            return Json.OkAsync(context, new JsonObject { ["data"] = Json.Array(_orgs.Values.Select(o => o.DeepClone())) });
        }
    }

    private Task GetOrgAsync(HttpContext context)
    {
        lock (_gate)
        {
            return _orgs.TryGetValue(Route(context, "id"), out var org) ? Json.OkAsync(context, org.DeepClone()) : NotFound(context, "Organization");
        }
    }

    private async Task AddMemberAsync(HttpContext context)
    {
        var orgId = Route(context, "id");
        var body = await Json.ReadObjectAsync(context.Request).ConfigureAwait(false);
        var email = body is null ? null : Json.String(body, "email");
        var role = (body is null ? null : Json.String(body, "role")) ?? "member";
        JsonObject? member = null;
        Task? error = null;
        lock (_gate)
        {
            if (!_members.TryGetValue(orgId, out var members))
            {
                error = NotFound(context, "Organization");
            }
            else if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
            {
                error = Invalid(context, "email must be an email address", "email");
            }
            else if (role is not ("member" or "admin" or "owner"))
            {
                error = Invalid(context, "role must be member, admin or owner", "role");
            }
            else if (members.Any(m => string.Equals((string?)m["email"], email, StringComparison.OrdinalIgnoreCase)))
            {
                error = Invalid(context, "Already a member of this organization", "email");
            }
            else
            {
                member = new JsonObject { ["id"] = NewId("mem_"), ["email"] = email, ["role"] = role, ["created_at"] = Timestamp(DateTime.UtcNow) };
                members.Add(member);
                member = (JsonObject)member.DeepClone();
            }
        }

        await (error ?? Json.WriteAsync(context, 201, member!)).ConfigureAwait(false);
    }

    private sealed class Upload(string id, StoredObject slot)
    {
        public string Id { get; } = id;

        public StoredObject Slot { get; } = slot;

        public bool Completed { get; set; }
    }

    private sealed class Transcription(string id, SandboxTranscript transcript, string createdAt)
    {
        public string Id { get; } = id;

        public SandboxTranscript Transcript { get; } = transcript;

        public string CreatedAt { get; } = createdAt;

        public int Polls { get; set; }

        public bool Fails { get; init; }

        /// <summary>The generic response; queued, then processing while polls are pending, then completed with the text.</summary>
        public JsonObject ToJson(int pendingPolls)
        {
            var done = Polls > pendingPolls;
            return new JsonObject
            {
                ["id"] = Id,
                ["status"] = done ? (Fails ? "failed" : "completed") : Polls == 0 ? "queued" : "processing",
                ["text"] = done && !Fails ? Transcript.Text : null,
                ["duration"] = Math.Round(Transcript.Duration, 3),
                ["created_at"] = CreatedAt,
            };
        }
    }
}
