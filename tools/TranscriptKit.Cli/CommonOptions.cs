using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;
using System.Linq;
using TranscriptKit.Cli.Output;

namespace TranscriptKit.Cli;

/// <summary>The options several commands share, and how their values are read and checked.</summary>
internal static class CommonOptions
{
    /// <summary>On the root, so every command takes it.</summary>
    public static Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Show details (stack traces) for unexpected errors.",
        Recursive = true,
    };

    public static Option<string> Vendor(string? description = null)
    {
        var option = new Option<string>("--vendor")
        {
            Description = description ?? $"The vendor: {CliVendors.IdList(Transcribers.Registry.Ids)}.",
            Required = true,
            HelpName = "id",
        };
        option.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, [.. Transcribers.Registry.Ids]);
        return option;
    }

    public static Option<OutputFormat> Format() => new("--format", "-f")
    {
        Description = "What to print: text, srt, vtt or json.",
        DefaultValueFactory = _ => OutputFormat.Text,
        HelpName = "text|srt|vtt|json",
        CustomParser = ParseFormat,
    };

    public static Option<FileInfo?> OutputFile() => new("--output", "-o")
    {
        Description = "Write the result to this file instead of stdout.",
        HelpName = "path",
    };

    public static Option<string?> Language() => new("--language", "-l")
    {
        Description = "The spoken language as an ISO 639-1 code (en, fr), for vendors that take one.",
        HelpName = "xx",
    };

    public static Option<TimeSpan?> Timeout() => new("--timeout")
    {
        Description = "How long to wait for the job in all: seconds (90), with a unit (30s, 5m, 1h) or a TimeSpan (00:05:00).",
        HelpName = "time",
        CustomParser = ParseTimeout,
    };

    /// <summary>--endpoint, --api-key and --api-secret.</summary>
    public sealed class Connection
    {
        /// <summary>The options that carry credentials: what follows them, or a misspelling of them, is never printed.</summary>
        public static IReadOnlyList<string> CredentialOptions { get; } = ["--api-key", "--api-secret"];

        public Option<string[]> Endpoint { get; } = new("--endpoint")
        {
            Description = "The vendor's base URL (a proxy or a sandbox); needs an API key. Repeatable as <vendor>=<url> with --vendor a,b,c.",
            HelpName = "url",
            Arity = ArgumentArity.ZeroOrMore,
        };

        public Option<string[]> ApiKey { get; } = new(CredentialOptions[0])
        {
            Description = "The vendor API key; default TRANSCRIPTKIT_<VENDOR>_API_KEY. With no key and no endpoint, the built-in sandbox is used. Repeatable as <vendor>=<key>.",
            HelpName = "key",
            Arity = ArgumentArity.ZeroOrMore,
        };

        public Option<string[]> ApiSecret { get; } = new(CredentialOptions[1])
        {
            Description = $"The API secret, for vendors that need one ({CliVendors.NeedingSecret()}); default TRANSCRIPTKIT_<VENDOR>_API_SECRET. Repeatable as <vendor>=<secret>.",
            HelpName = "secret",
            Arity = ArgumentArity.ZeroOrMore,
        };

        public void AddTo(Command command)
        {
            command.Options.Add(Endpoint);
            command.Options.Add(ApiKey);
            command.Options.Add(ApiSecret);
        }

        public ConnectionArguments Read(ParseResult result) =>
            new(result.GetValue(Endpoint) ?? [], result.GetValue(ApiKey) ?? [], result.GetValue(ApiSecret) ?? []);
    }

    private static OutputFormat ParseFormat(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (OutputFormats.TryParse(text, out var format))
        {
            return format;
        }

        result.AddError($"--format '{text}' is not one of text, srt, vtt, json.");
        return OutputFormat.Text;
    }

    private static TimeSpan? ParseTimeout(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value.Trim();
        if (TryParseTimeout(text, out var timeout) && timeout > TimeSpan.Zero)
        {
            return timeout;
        }

        result.AddError($"--timeout '{text}' is not a positive duration: give seconds (90), a unit (30s, 5m, 1h) or a TimeSpan (00:05:00).");
        return null;
    }

    internal static bool TryParseTimeout(string text, out TimeSpan timeout)
    {
        timeout = default;
        if (text.Length == 0)
        {
            return false;
        }

        var (number, scale) = char.ToLowerInvariant(text[^1]) switch
        {
            's' when text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) => (text[..^2], 0.001),
            's' => (text[..^1], 1.0),
            'm' => (text[..^1], 60.0),
            'h' => (text[..^1], 3600.0),
            _ => (text, 1.0),
        };
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            timeout = TimeSpan.FromSeconds(value * scale);
            return true;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out timeout);
    }
}
