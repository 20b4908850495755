using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace TranscriptKit.Sandbox;

/// <summary><c>dotnet run --project tools/TranscriptKit.Sandbox -- [options]</c>: starts the sandbox and runs until Ctrl+C.</summary>
internal static class Program
{
    private const string Usage = """
        TranscriptKit sandbox: a local emulator of the vendors' documented APIs.

        Options:
          --port <n>                 TCP port on 127.0.0.1 (default: ephemeral)
          --pending-polls <n>        status polls a job answers "still running" (default 2)
          --media <dir>              folder of sample media + .srt sidecars (repeatable; default ./samples if present)
          --api-key <key>            accepted credential (default sandbox-key)
          --api-secret <secret>      accepted secret, for vendors that take one (default sandbox-secret)
          --stream-delay-ms <n>      delay between Server-Sent Events (default 250)
          --credits <vendor>:<n>     a vendor's opening balance, where it keeps one
          --concurrency <vendor>:<n> a vendor's concurrent job limit, where it enforces one
          --quota-seconds <vendor>:<n>  a vendor's quota in seconds, -1 unlimited, where it keeps one
          --fail <vendor>:<status>[:<count>[:<retryAfterSeconds>[:<operation>]]]  e.g. --fail subclip:503:1:600:getJob
          --delay <vendor>:<ms>[:<count>]                            e.g. --delay subclip:3000
          --malform <vendor>[:<count>]                               e.g. --malform subclip
          --stall <vendor>[:<count>[:<operation>]]                   headers, then no body: --stall subclip:1:createJob
          --reset <vendor>[:<count>[:<operation>]]                   half the body, then the connection drops
          --close <vendor>[:<count>[:<operation>]]                   processed, then the connection closes unanswered
          --hang-upload <vendor>[:<count>]                           an upload (signed PUT or multipart) never answered
          --silence <vendor>[:<count>]                               an event stream silent after its first event
        """;

    private static async Task<int> Main(string[] args)
    {
        var options = new SandboxOptions();
        var faults = new System.Collections.Generic.List<Action<SandboxFaults>>();
        try
        {
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value.");
                switch (args[i])
                {
                    case "--port": options.Port = Int(Next()); break;
                    case "--pending-polls": options.PendingPolls = Int(Next()); break;
                    case "--media": options.MediaDirectories.Add(Next()); break;
                    case "--api-key": options.ApiKey = Next(); break;
                    case "--api-secret": options.ApiSecret = Next(); break;
                    case "--stream-delay-ms": options.StreamEventDelay = TimeSpan.FromMilliseconds(Int(Next())); break;
                    case "--credits": PerVendor(Next(), "--credits", (id, n) => options.InitialCredits[id] = n); break;
                    case "--concurrency": PerVendor(Next(), "--concurrency", (id, n) => options.ConcurrencyLimits[id] = n); break;
                    case "--quota-seconds": PerVendor(Next(), "--quota-seconds", (id, n) => options.QuotaSeconds[id] = n); break;
                    case "--fail": faults.Add(Fail(Next())); break;
                    case "--delay": faults.Add(Delay(Next())); break;
                    case "--malform": faults.Add(Malform(Next())); break;
                    case "--stall": faults.Add(Counted(Next(), (f, count, operation) => f.StallAfterHeadersNext(count, operation))); break;
                    case "--reset": faults.Add(Counted(Next(), (f, count, operation) => f.ResetMidBodyNext(count, operation))); break;
                    case "--close": faults.Add(Counted(Next(), (f, count, operation) => f.CloseWithoutAnswerNext(count, operation))); break;
                    case "--hang-upload": faults.Add(Counted(Next(), (f, count, operation) => f.HangUploadNext(count, operation))); break;
                    case "--silence": faults.Add(Counted(Next(), (f, count, _) => f.SilenceStreamNext(count))); break;
                    case "-h" or "--help": Console.WriteLine(Usage + VendorList()); return 0;
                    default: throw new FormatException($"Unknown option {args[i]}.");
                }
            }
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(Usage + VendorList());
            return 2;
        }

        if (options.MediaDirectories.Count == 0 && Directory.Exists("samples"))
        {
            options.MediaDirectories.Add("samples");
        }

        VendorSandbox sandbox;
        try
        {
            sandbox = await VendorSandbox.StartAsync(options).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            // A per-vendor option naming a vendor no emulator has.
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        await using var running = sandbox;
        try
        {
            foreach (var apply in faults)
            {
                apply(sandbox.Faults);
            }
        }
        catch (ArgumentException ex)
        {
            // An unknown vendor or operation is only known once the emulators have mapped their routes.
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        Console.WriteLine($"TranscriptKit sandbox listening on {sandbox.BaseAddress}");
        var width = sandbox.VendorIds.Max(id => id.Length) + 1;
        foreach (var emulator in sandbox.Emulators)
        {
            Console.WriteLine($"  {emulator.Id.PadRight(width)} Endpoint = {sandbox.GetEndpoint(emulator.Id)}   ({emulator.DisplayName})");
        }

        Console.WriteLine($"  API key: {sandbox.ApiKey}   API secret, for vendors that take one: {sandbox.ApiSecret}");
        Console.WriteLine($"  Media folders: {(options.MediaDirectories.Count == 0 ? "(none: every transcript is simulated)" : string.Join(", ", options.MediaDirectories))}");
        Console.WriteLine("Press Ctrl+C to stop.");

        // Ctrl+C, or SIGTERM (the host's console lifetime stops the app on it).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(sandbox.Stopping);
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine("Stopping.");
        }

        return 0;
    }

    /// <summary>The vendor ids the help names, from the emulator list.</summary>
    private static string VendorList() =>
        "\nVendors: " + string.Join(", ", BuiltInEmulators.Create().Select(e => e.Id)) + "\n";

    /// <summary><c>&lt;vendor&gt;:&lt;n&gt;</c>; the vendor id is checked when the sandbox starts, against its emulators.</summary>
    private static void PerVendor(string spec, string option, Action<string, int> set)
    {
        var parts = spec.Split(':');
        if (parts.Length != 2 || parts[0].Length == 0)
        {
            throw new FormatException($"{option} needs <vendor>:<n>, e.g. {option} {BuiltInEmulators.Create()[0].Id}:3.");
        }

        set(parts[0], Int(parts[1]));
    }

    private static int Int(string text) => int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static Action<SandboxFaults> Fail(string spec)
    {
        var parts = spec.Split(':');
        var status = parts.Length > 1 ? Int(parts[1]) : throw new FormatException("--fail needs <vendor>:<status>.");
        var count = parts.Length > 2 ? Int(parts[2]) : 1;
        TimeSpan? retryAfter = parts.Length > 3 ? TimeSpan.FromSeconds(Int(parts[3])) : null;
        var operation = parts.Length > 4 ? parts[4] : null;
        return faults => faults.For(parts[0]).FailNext(count, status, retryAfter, operation);
    }

    /// <summary><c>&lt;vendor&gt;[:&lt;count&gt;[:&lt;operation&gt;]]</c> for the switches that take nothing else.</summary>
    private static Action<SandboxFaults> Counted(string spec, Action<VendorFaults, int, string?> arm)
    {
        var parts = spec.Split(':');
        var count = parts.Length > 1 ? Int(parts[1]) : 1;
        var operation = parts.Length > 2 ? parts[2] : null;
        return faults => arm(faults.For(parts[0]), count, operation);
    }

    private static Action<SandboxFaults> Delay(string spec)
    {
        var parts = spec.Split(':');
        var ms = parts.Length > 1 ? Int(parts[1]) : throw new FormatException("--delay needs <vendor>:<ms>.");
        var count = parts.Length > 2 ? Int(parts[2]) : 1;
        return faults => faults.For(parts[0]).DelayNext(count, TimeSpan.FromMilliseconds(ms));
    }

    private static Action<SandboxFaults> Malform(string spec)
    {
        var parts = spec.Split(':');
        var count = parts.Length > 1 ? Int(parts[1]) : 1;
        return faults => faults.For(parts[0]).MalformNext(count);
    }
}
