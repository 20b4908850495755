using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace TranscriptKit.Generators.Tests.Escaping;

/// <summary>
/// One spec that reaches every place the emitters write spec text (docs, comments, string and UTF-8 literals,
/// identifiers): client, auth, envelope, operations, parameters, bodies, responses, models, enums, polling, uploads
/// and event streams. Each <c>{{slot}}</c> is filled with a YAML-quoted string of the caller's choice.
/// </summary>
internal static class HostileSpec
{
    /// <summary>Slots that only carry prose: any string there must still give code that compiles.</summary>
    public static readonly string[] TextSlots =
    {
        "title", "info-description", "display-name", "summary", "description", "parameter-description", "body-description",
        "response-description", "error-description", "scheme-description", "schema-description", "property-description",
        "enum-description", "message-starts-with", "poll-value", "error-path", "server-path",
    };

    /// <summary>Slots that also become C# names (JSON names, enum values, event names, parameter names).</summary>
    public static readonly string[] NameSlots = { "json-name", "enum-value", "event", "query-name", "header-name" };

    private const string Template = """
        openapi: 3.1.0
        info:
          title: {{title}}
          version: "1"
          description: {{info-description}}
        x-tk-client:
          name: Probe
          vendor: probe
          display-name: {{display-name}}
        x-tk-errors:
          message: [{{error-path}}]
        servers:
          - url: https://api.example.com/v1
        security:
          - key: []
            secret: []
        x-tk-envelope:
          code: code
          message: msg
          data: data
          success: [200]
          errors:
            - { code: 601, message-starts-with: {{message-starts-with}}, reason: Busy, kind: rate-limit }
        paths:
          /jobs:
            post:
              operationId: createJob
              summary: {{summary}}
              description: {{description}}
              x-tk-envelope: false
              x-tk-sse:
                name: JobStream
                events: { {{event}}: JobEvent }
                end-event: {{event}}
              parameters:
                - { name: {{header-name}}, in: header, description: {{parameter-description}}, schema: { type: string } }
                - { name: {{query-name}}, in: query, schema: { type: integer } }
              requestBody:
                required: true
                description: {{body-description}}
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/JobRequest" }
              responses:
                "200":
                  description: {{response-description}}
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Job" }
                "400":
                  description: {{error-description}}
          /jobs/{id}:
            get:
              operationId: getJob
              x-tk-envelope: false
              x-tk-poll:
                name: Job
                start: createJob
                succeeded-when: { field: status, equals: [{{poll-value}}] }
                failed-when: { field: status, contains: [{{poll-value}}] }
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Job" }
          /uploads:
            post:
              operationId: createUpload
              x-tk-envelope: false
              x-tk-upload: { name: Source, url: url, file-name: name }
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/UploadRequest" }
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Upload" }
          /wrapped{{server-path}}:
            get:
              operationId: getWrapped
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Envelope" }
        components:
          securitySchemes:
            key: { type: apiKey, in: header, name: X-Key, description: {{scheme-description}} }
            secret: { type: apiKey, in: header, name: X-Secret }
          schemas:
            JobRequest:
              type: object
              description: {{schema-description}}
              required: [url]
              properties:
                url: { type: string, description: {{property-description}} }
                {{json-name}}: { type: string, description: {{property-description}} }
            Job:
              type: object
              required: [id]
              properties:
                id: { type: string }
                status: { $ref: "#/components/schemas/Status" }
                tags: { type: array, items: { type: array, items: { type: string } } }
            Status:
              type: string
              description: {{enum-description}}
              enum: [{{enum-value}}, done]
            JobEvent:
              type: object
              properties:
                pct: { type: number }
            UploadRequest:
              type: object
              properties:
                name: { type: string }
            Upload:
              type: object
              required: [url]
              properties:
                url: { type: string }
            Envelope:
              type: object
              required: [code]
              properties:
                code: { type: integer }
                msg: { type: string }
                data: { $ref: "#/components/schemas/Job" }
        """;

    private static readonly Dictionary<string, string> s_plain = new()
    {
        ["json-name"] = "extra",
        ["enum-value"] = "queued",
        ["event"] = "progress",
        ["query-name"] = "limit",
        ["header-name"] = "X-Trace",
        ["poll-value"] = "done",
        ["error-path"] = "error",
        ["server-path"] = string.Empty,
    };

    /// <summary>The spec with every slot filled by <paramref name="fill"/> (raw text; null keeps a plain value).</summary>
    public static string Build(Func<string, string?> fill) =>
        Regex.Replace(Template.Replace("\r\n", "\n"), @"\{\{([a-z-]+)\}\}", match =>
        {
            var slot = match.Groups[1].Value;
            var value = fill(slot) ?? (s_plain.TryGetValue(slot, out var plain) ? plain : "Plain text.");
            // The path slot is part of a YAML key written as plain text: keep it a path segment.
            return slot == "server-path" ? PathSegment(value) : GeneratedCode.Quote(value);
        });

    /// <summary>The spec with <paramref name="value"/> in <paramref name="slot"/> and plain text everywhere else.</summary>
    public static string With(string slot, string value) => Build(s => s == slot ? value : null);

    private static string PathSegment(string value)
    {
        if (value.Length == 0)
        {
            return string.Empty;
        }

        // Keep XML and C# specials verbatim; percent-encode what YAML or a URI template would read as syntax.
        var builder = new System.Text.StringBuilder("/");
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '<' or '>' or '"' or '&' or '\'' ? c.ToString() : "%" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
