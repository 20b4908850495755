using System;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace TranscriptKit.Benchmarks.Smoke;

/// <summary>
/// <c>smoke</c>: every benchmark and report once, at the smallest size, so CI notices when a refactor breaks them.
/// It fails on exceptions and non-zero report exit codes, never on timings (the numbers it prints mean nothing).
/// </summary>
internal static class BenchmarkSmoke
{
    public static async Task<int> RunAsync()
    {
        var failures = 0;
        foreach (var type in typeof(BenchmarkSmoke).Assembly.GetTypes().Where(IsBenchmarkClass).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            failures += await RunStepAsync(type.Name, () => RunBenchmarkClassAsync(type)).ConfigureAwait(false);
        }

        failures += await RunStepAsync("polling", () => Polling.PollingReport.RunAsync([])).ConfigureAwait(false);
        failures += await RunStepAsync("generator", () => Task.FromResult(Generator.GeneratorCacheReport.Run())).ConfigureAwait(false);
        failures += await RunStepAsync("upload", () => Upload.UploadReport.RunAsync(["upload", "--sizes", "1MiB", "--reps", "1", "--kiota-max", "1MiB"])).ConfigureAwait(false);
        failures += await RunStepAsync("slots", () => Batch.SlotUtilisationReport.RunAsync(["--items", "8", "--job-ms", "20", "--poll-ms", "2", "--overhead-items", "6", "--reps", "1"])).ConfigureAwait(false);
        failures += await RunStepAsync("percall", () => PerCall.InterleavedPerCallReport.RunAsync(["--rounds", "1", "--calls", "10", "--warmup", "1"])).ConfigureAwait(false);
        failures += await RunStepAsync("sse", () => Streaming.SseLatencyReport.RunAsync(["--streams", "2", "--events", "3", "--delay-ms", "1", "--sandbox-streams", "1", "--sandbox-delay-ms", "1"])).ConfigureAwait(false);

        Console.WriteLine(failures == 0 ? "smoke: every benchmark and report ran." : $"smoke: {failures} failed.");
        return failures == 0 ? 0 : 1;
    }

    private static bool IsBenchmarkClass(Type type) =>
        type is { IsClass: true, IsAbstract: false } && type.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null);

    // BenchmarkDotNet's order without its harness: global setup, each benchmark once, global cleanup.
    private static async Task<int> RunBenchmarkClassAsync(Type type)
    {
        var instance = Activator.CreateInstance(type)!;
        var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance);
        foreach (var setup in methods.Where(m => m.GetCustomAttribute<GlobalSetupAttribute>() is not null))
        {
            await InvokeAsync(instance, setup).ConfigureAwait(false);
        }

        try
        {
            foreach (var benchmark in methods.Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
            {
                await InvokeAsync(instance, benchmark).ConfigureAwait(false);
                Console.WriteLine($"  {type.Name}.{benchmark.Name}: ran");
            }
        }
        finally
        {
            foreach (var cleanup in methods.Where(m => m.GetCustomAttribute<GlobalCleanupAttribute>() is not null))
            {
                await InvokeAsync(instance, cleanup).ConfigureAwait(false);
            }
        }

        return 0;
    }

    private static async Task InvokeAsync(object instance, MethodInfo method)
    {
        object? result;
        try
        {
            result = method.Invoke(instance, null);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }

        if (result is Task task)
        {
            await task.ConfigureAwait(false);
        }
    }

    private static async Task<int> RunStepAsync(string name, Func<Task<int>> step)
    {
        Console.WriteLine($"smoke: {name}");
        var clock = Stopwatch.StartNew();
        try
        {
            var code = await step().ConfigureAwait(false);
            Console.WriteLine($"smoke: {name} exited {code} after {clock.Elapsed.TotalSeconds:0.0} s");
            return code == 0 ? 0 : 1;
        }
        catch (Exception ex)
        {
            Console.WriteLine($"smoke: {name} FAILED: {ex}");
            return 1;
        }
    }
}
