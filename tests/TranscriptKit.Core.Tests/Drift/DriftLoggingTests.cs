using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using TranscriptKit;

namespace TranscriptKit.Core.Tests.Drift;

/// <summary>Each new difference becomes one warning, even when several vendors share the report and the logger.</summary>
public class DriftLoggingTests
{
    private sealed class ListLogger : ILogger
    {
        public List<(LogLevel Level, EventId Id, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, eventId, formatter(state, exception)));
    }

    [Test]
    public void A_new_difference_is_logged_once_as_a_warning_naming_vendor_operation_path_expected_and_raw_value()
    {
        var report = new DriftReport();
        var logger = new ListLogger();
        report.LogTo(logger);
        report.LogTo(logger);

        var finding = new DriftFinding("subclip", "getJob", DriftKind.UnknownEnumValue, "$.status", "one of queued, done", "paused");
        report.Add(finding);
        report.Add(finding);

        var entry = logger.Entries.Count == 1 ? logger.Entries[0] : default;
        Assert.That(logger.Entries, Has.Count.EqualTo(1));
        Assert.That(entry.Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(entry.Id.Id, Is.EqualTo(40));
        Assert.That(entry.Message, Is.EqualTo("subclip getJob differs from its spec (UnknownEnumValue) at $.status: expected one of queued, done, got paused"));
    }
}
