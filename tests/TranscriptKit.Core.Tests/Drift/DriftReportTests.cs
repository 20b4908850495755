using System.Collections.Generic;
using NUnit.Framework;
using TranscriptKit;

namespace TranscriptKit.Core.Tests.Drift;

/// <summary>The report keeps the first sighting of each difference and counts the rest, so a long batch cannot fill memory.</summary>
public class DriftReportTests
{
    private static readonly DriftFinding s_extra = new("v", "getJob", DriftKind.UnknownField, "$.extra", "a property of Job", "1");

    [Test]
    public void The_same_difference_seen_twice_is_one_finding_counted_twice_and_raised_once()
    {
        var report = new DriftReport();
        var raised = new List<DriftFinding>();
        report.Found += raised.Add;

        report.Add(s_extra);
        report.Add(s_extra with { RawValue = "2" });

        Assert.That(report.Findings, Is.EqualTo(new[] { s_extra }));
        Assert.That(report.Occurrences(s_extra), Is.EqualTo(2));
        Assert.That(raised, Is.EqualTo(new[] { s_extra }));
    }

    [Test]
    public void The_summary_lists_each_difference_with_vendor_operation_path_and_count()
    {
        var report = new DriftReport();
        Assert.That(report.ToSummary(), Does.StartWith("No drift"));

        report.Add(s_extra);
        report.Add(s_extra);
        report.Add(new DriftFinding("v", "getJob", DriftKind.MissingRequiredField, "$.status", "required string", null));

        Assert.That(report.ToSummary(), Does.Contain("2 difference(s)")
            .And.Contain("v getJob UnknownField at $.extra: expected a property of Job, got 1 (x2)")
            .And.Contain("v getJob MissingRequiredField at $.status: expected required string"));
    }
}
