using System;
using System.Collections.Generic;
using NUnit.Framework;

namespace TranscriptKit.Tests.Jobs;

public sealed class TranscriptionJobTests
{
    [Test]
    public void Token_round_trips_vendor_id_and_state()
    {
        var job = new TranscriptionJob("Subclip", "proj_123", [KeyValuePair.Create("format", "json")]);

        var token = job.ToToken();
        var back = TranscriptionJob.FromToken(token);

        Assert.That(token, Does.StartWith("tkjob2.").And.Not.Contain("+").And.Not.Contain("/"));
        Assert.That(back, Is.EqualTo(job));
        Assert.That(back.Vendor, Is.EqualTo("subclip"));
        Assert.That(back.State["format"], Is.EqualTo("json"));
    }

    [TestCase("")]
    [TestCase("hello")]
    [TestCase("tkjob1.%%%")]
    [TestCase("tkjob1.eyJ2IjoiY2FwdGlvbmNhdCJ9")] // {"v":"captioncat"}: no id
    [TestCase("tkjob1.eyJ2Ijoibm8gcGUhIiwiaWQiOiIxIn0")] // {"v":"no pe!","id":"1"}: not a vendor id
    public void Damaged_tokens_are_refused_with_a_reason(string token)
    {
        Assert.That(TranscriptionJob.TryFromToken(token, out _), Is.False);
        var error = Assert.Throws<FormatException>(() => TranscriptionJob.FromToken(token));
        Assert.That(error!.Message, Does.Contain("token"));
    }

    [Test]
    public void A_token_of_an_unregistered_vendor_reads_and_choosing_its_transcriber_names_the_known_ones()
    {
        // {"v":"nope","id":"1"}: the token format is open to any vendor; the registry decides who can resume it.
        var job = TranscriptionJob.FromToken("tkjob1.eyJ2Ijoibm9wZSIsImlkIjoiMSJ9");

        var error = Assert.Throws<ArgumentException>(() => Transcribers.Create(job.Vendor, new VendorSettings { ApiKey = "k" }))!;

        Assert.That(job.Vendor, Is.EqualTo("nope"));
        Assert.That(error.Message, Does.Contain("nope").And.Contain("captioncat"));
    }

    [Test]
    public void A_token_of_a_vendor_registered_elsewhere_is_read()
    {
        // The registry, not the token, decides whether a vendor is known: a user's own vendor resumes the same way.
        var job = TranscriptionJob.FromToken(new TranscriptionJob("Acme-Speech", "j1").ToToken());

        Assert.That(job.Vendor, Is.EqualTo("acme-speech"));
    }

    [Test]
    public void A_cut_token_is_refused()
    {
        var token = new TranscriptionJob("captioncat", "abc123").ToToken();

        Assert.That(TranscriptionJob.TryFromToken(token[..^4], out _), Is.False);
    }
}
