using System.Threading.Tasks;
using BenchmarkDotNet.Running;

namespace TranscriptKit.Benchmarks;

/// <summary>
/// <c>polling</c>, <c>generator</c>, <c>upload</c>, <c>sse</c>, <c>slots</c>, <c>percall</c>: reports; <c>smoke</c>: each of them and
/// every benchmark once, tiny, for CI; anything else goes to
/// BenchmarkDotNet (<c>--filter '*'</c> runs the per-call and generator benchmarks).
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        switch (args.Length > 0 ? args[0] : null)
        {
            case "polling":
                return await Polling.PollingReport.RunAsync(args[1..]).ConfigureAwait(false);
            case "generator":
                return Generator.GeneratorCacheReport.Run();
            case "upload":
                return await Upload.UploadReport.RunAsync(args[1..]).ConfigureAwait(false);
            case "smoke":
                return await Smoke.BenchmarkSmoke.RunAsync().ConfigureAwait(false);
            case "sse":
                return await Streaming.SseLatencyReport.RunAsync(args[1..]).ConfigureAwait(false);
            case "slots":
                return await Batch.SlotUtilisationReport.RunAsync(args[1..]).ConfigureAwait(false);
            case "percall":
                return await PerCall.InterleavedPerCallReport.RunAsync(args[1..]).ConfigureAwait(false);
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return 0;
        }
    }
}
