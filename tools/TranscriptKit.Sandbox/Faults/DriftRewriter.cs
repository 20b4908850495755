using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TranscriptKit.Sandbox;

/// <summary>
/// Rewrites an emulator's answer as a vendor that drifted from its docs would send it (<see cref="SandboxDrift"/>).
/// Vendor facts come from the polled job's generated <see cref="VendorJob"/> (its state values and their fields), so
/// no vendor is named here. A body that is neither JSON nor an event stream is left as it is.
/// </summary>
internal static class DriftRewriter
{
    public static byte[] Rewrite(byte[] body, string? contentType, SandboxDrift drift, VendorJob? job)
    {
        if (contentType?.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase) == true)
        {
            // Each data: line is one JSON document; the rest of the stream (event names, blank lines) stays.
            var lines = Encoding.UTF8.GetString(body).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].StartsWith("data:", StringComparison.Ordinal))
                {
                    lines[i] = "data: " + RewriteJson(lines[i]["data:".Length..].Trim(), drift, job);
                }
            }

            return Encoding.UTF8.GetBytes(string.Join('\n', lines));
        }

        return contentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true
            ? Encoding.UTF8.GetBytes(RewriteJson(Encoding.UTF8.GetString(body), drift, job))
            : body;
    }

    private static string RewriteJson(string json, SandboxDrift drift, VendorJob? job)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return json;
        }

        if (root is not JsonObject top)
        {
            return json;
        }

        if (drift.HasFlag(SandboxDrift.UnknownStatus) && job is not null)
        {
            UnknownStatus(top, job);
        }

        if (drift.HasFlag(SandboxDrift.ErrorShape) && job is not null)
        {
            ErrorShape(top, job);
        }

        if (drift.HasFlag(SandboxDrift.OkFalse) && top["ok"] is JsonValue ok && ok.TryGetValue<bool>(out var isOk) && isOk)
        {
            top["ok"] = false;
            top["error"] = VendorFaults.DriftMessage;
        }

        if (drift.HasFlag(SandboxDrift.ExtraFields))
        {
            AddExtraFields(top);
        }

        var text = top.ToJsonString();
        return drift.HasFlag(SandboxDrift.FractionalNumbers) ? WholeNumbers(text, ".5")
            : drift.HasFlag(SandboxDrift.IntegralFloats) ? WholeNumbers(text, ".0")
            : text;
    }

    private static void UnknownStatus(JsonObject root, VendorJob job)
    {
        var running = job.Statuses.FirstOrDefault(s => s.Meaning == JobStatusMeaning.Running && s.Match == JobStatusMatch.Equals);
        if (running is null)
        {
            return;
        }

        Set(root, running.Field, JsonValue.Create(VendorFaults.UnknownStatusValue));
        // A success on another field (Subclip's outputReady, a progress threshold) would win over the state: undo it.
        foreach (var succeeded in job.Statuses.Where(s => s.Meaning == JobStatusMeaning.Succeeded && s.Field != running.Field))
        {
            if (succeeded.Match == JobStatusMatch.AtLeast && double.TryParse(succeeded.Value, System.Globalization.CultureInfo.InvariantCulture, out var threshold))
            {
                Set(root, succeeded.Field, JsonValue.Create(threshold / 2));
            }
            else if (succeeded.Value is "true")
            {
                Set(root, succeeded.Field, JsonValue.Create(false));
            }
        }
    }

    private static void ErrorShape(JsonObject root, VendorJob job)
    {
        var runningFields = job.Statuses.Where(s => s.Meaning == JobStatusMeaning.Running).Select(s => s.Field).ToHashSet(StringComparer.Ordinal);
        var failures = job.Statuses.Where(s => s.Meaning == JobStatusMeaning.Failed && s.Match == JobStatusMatch.Equals).ToList();
        var failure = failures.FirstOrDefault(f => !runningFields.Contains(f.Field)) ?? failures.FirstOrDefault();
        if (failure is null)
        {
            return;
        }

        Set(root, failure.Field, JsonValue.Create(failure.Value));
        if (job.FailureMessageField is { } messageField)
        {
            Set(root, messageField, JsonValue.Create(VendorFaults.DriftMessage));
        }
    }

    /// <summary>Sets a dotted path; an envelope's fields are found under its <c>data</c> when the root lacks the first segment.</summary>
    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        var segments = path.Split('.');
        var current = !root.ContainsKey(segments[0]) && root["data"] is JsonObject data ? data : root;
        foreach (var segment in segments[..^1])
        {
            if (current[segment] is not JsonObject next)
            {
                // A new error object gets a code too, as the documented error envelopes have one ({"error":{"code","message"}}).
                next = new JsonObject { ["code"] = "DRIFT" };
                current[segment] = next;
            }

            current = next;
        }

        current[segments[^1]] = value;
    }

    private static void AddExtraFields(JsonObject node)
    {
        foreach (var child in node.Select(p => p.Value).ToList())
        {
            if (child is JsonObject inner)
            {
                AddExtraFields(inner);
            }
        }

        node["x_drift_extra"] = new JsonObject { ["note"] = "a field the docs never showed", ["since"] = 2026 };
    }

    /// <summary>Writes every whole number with <paramref name="fraction"/> appended (<c>.0</c>, <c>.5</c>), token by token, so strings are never touched.</summary>
    private static string WholeNumbers(string json, string fraction)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        using var output = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(output))
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject: writer.WriteStartObject(); break;
                    case JsonTokenType.EndObject: writer.WriteEndObject(); break;
                    case JsonTokenType.StartArray: writer.WriteStartArray(); break;
                    case JsonTokenType.EndArray: writer.WriteEndArray(); break;
                    case JsonTokenType.PropertyName: writer.WritePropertyName(reader.GetString()!); break;
                    case JsonTokenType.String: writer.WriteStringValue(reader.GetString()); break;
                    case JsonTokenType.True: writer.WriteBooleanValue(true); break;
                    case JsonTokenType.False: writer.WriteBooleanValue(false); break;
                    case JsonTokenType.Null: writer.WriteNullValue(); break;
                    case JsonTokenType.Number when reader.TryGetInt64(out var whole):
                        writer.WriteRawValue(whole.ToString(System.Globalization.CultureInfo.InvariantCulture) + fraction);
                        break;
                    case JsonTokenType.Number:
                        writer.WriteRawValue(reader.ValueSpan);
                        break;
                }
            }
        }

        return Encoding.UTF8.GetString(output.ToArray());
    }
}
