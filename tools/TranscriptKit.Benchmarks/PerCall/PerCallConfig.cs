using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace TranscriptKit.Benchmarks.PerCall;

/// <summary>
/// Short enough for a whole suite to finish in a few minutes on two shared cores: one launch, 5 warm-up and 15
/// measured iterations per case, in-process (BenchmarkDotNet's out-of-process toolchain rebuilds the whole project
/// graph, which took over its 2-minute build timeout here). Medians and ratios are the numbers to quote.
/// </summary>
public sealed class PerCallConfig : ManualConfig
{
    public PerCallConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(5).WithIterationCount(15).WithToolchain(InProcessEmitToolchain.Instance).WithId("InProcess"));
        AddColumn(StatisticColumn.Median, StatisticColumn.Min);
        HideColumns(Column.Error, Column.RatioSD);
    }
}
