using System;
using System.Collections.Generic;
using NUnit.Framework;
using TranscriptKit.Runtime;

namespace TranscriptKit.Core.Tests.Definitions;

/// <summary>The wire-text steps generated invokers are built from.</summary>
public class OperationInvocationTests
{
    [TestCase("true", true)]
    [TestCase("false", false)]
    public void Boolean_reads_only_the_two_JSON_spellings(string text, bool expected) =>
        Assert.That(OperationInvocation.Boolean(text, "flag"), Is.EqualTo(expected));

    [TestCase("True")]
    [TestCase("1")]
    [TestCase("")]
    public void Boolean_refuses_anything_else_naming_the_value(string text) =>
        Assert.That(() => OperationInvocation.Boolean(text, "flag"), Throws.ArgumentException.With.Message.Contains("'flag'"));

    [Test]
    public void Numbers_are_read_with_the_invariant_culture()
    {
        Assert.Multiple(() =>
        {
            Assert.That(OperationInvocation.Double("1.5", "x"), Is.EqualTo(1.5));
            Assert.That(OperationInvocation.Int64("-9000000000", "x"), Is.EqualTo(-9_000_000_000));
            Assert.That(() => OperationInvocation.Int32("1,5", "x"), Throws.ArgumentException);
            Assert.That(() => OperationInvocation.Int32("3000000000", "x"), Throws.ArgumentException);
        });
    }

    [Test]
    public void Any_reads_JSON_and_refuses_what_is_not()
    {
        Assert.That(OperationInvocation.Any("""{"a":[1]}""", "x").GetProperty("a")[0].GetInt32(), Is.EqualTo(1));
        Assert.That(() => OperationInvocation.Any("{", "x"), Throws.ArgumentException.With.Message.Contains("not JSON"));
    }

    [Test]
    public void Required_names_the_missing_value_and_where_it_was_expected() =>
        Assert.That(() => OperationInvocation.Required(new Dictionary<string, string>(), "taskId", "query"), Throws.ArgumentException.With.Message.Contains("query value 'taskId'"));

    [Test]
    public void Write_returns_the_JSON_a_writer_wrote() =>
        Assert.That(OperationInvocation.Write(writer => { writer.WriteStartObject(); writer.WriteString("k", "v"); writer.WriteEndObject(); }), Is.EqualTo("""{"k":"v"}"""));

    [Test]
    public void A_streamed_result_keeps_its_events_and_the_failure_that_ended_them()
    {
        var failure = new TranscriptKitServerException("probe", "gone");
        var result = OperationResult.FromEvents([new OperationEvent("progress", "{}")], failure);
        Assert.That((result.Events!.Count, result.StreamFailure, result.Text), Is.EqualTo((1, (TranscriptKitException?)failure, (string?)null)));
    }
}
