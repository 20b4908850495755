using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Web;
using NUnit.Framework;
using TranscriptKit.Testing;

namespace TranscriptKit.Tests;

/// <summary>
/// A recorded request as wire-level arguments for an operation's generated invoker: its path parameters (matched
/// against the template under the server's base path), query, headers, body (JSON or form), and whether it asked for
/// an event stream. Shared by the contract replay and the cross-vendor suite, so both read a cassette the same way.
/// </summary>
public static class RecordedArguments
{
    /// <param name="operation">The operation the interaction answers.</param>
    /// <param name="interaction">The recorded interaction.</param>
    /// <param name="basePath">The path of the server the cassette was recorded against.</param>
    /// <param name="file">The file a binary part sends.</param>
    /// <param name="keepHeader">Which recorded headers to send (all when null).</param>
    public static OperationArguments From(VendorOperation operation, CassetteInteraction interaction, string basePath, UploadFile file, Func<string, bool>? keepHeader = null)
    {
        var request = interaction.Request;
        var form = request.Headers.TryGetValue("Content-Type", out var type) && type.Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
        // No JSON body for a multipart request: an operation with both content types picks by which one is given.
        var multipart = type?.Contains("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;
        var path = request.Path;
        var q = path.IndexOf('?');
        return new OperationArguments
        {
            Path = PathParameters(operation, path, basePath.TrimEnd('/')),
            Query = Pairs(q < 0 ? string.Empty : path[(q + 1)..]),
            Headers = new Dictionary<string, string>(request.Headers.Where(h => keepHeader?.Invoke(h.Key) ?? true).ToDictionary(h => h.Key, h => h.Value), StringComparer.OrdinalIgnoreCase),
            Body = multipart ? null : (ReadOnlyMemory<byte>?)Encoding.UTF8.GetBytes(request.Body ?? "{}"),
            Form = form ? Pairs(request.Body ?? string.Empty) : new Dictionary<string, string>(),
            File = file,
            Stream = request.Headers.TryGetValue("Accept", out var accept) && accept.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase),
        };
    }

    private static Dictionary<string, string> PathParameters(VendorOperation operation, string path, string basePath)
    {
        var pattern = "^" + Regex.Escape(basePath) + Regex.Replace(Regex.Escape(operation.PathTemplate), @"\\\{(\w+)}", "(?<$1>[^/?]+)") + @"(\?.*)?$";
        var match = Regex.Match(path, pattern);
        if (!match.Success)
        {
            throw new AssertionException($"{path} does not match {basePath}{operation.PathTemplate}");
        }

        return match.Groups.Cast<Group>().Where(g => !int.TryParse(g.Name, out _)).ToDictionary(g => g.Name, g => Uri.UnescapeDataString(g.Value));
    }

    private static Dictionary<string, string> Pairs(string text)
    {
        var values = HttpUtility.ParseQueryString(text);
        return values.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => values[k]!);
    }
}
