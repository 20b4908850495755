using System;
using System.IO;
using System.Threading.Tasks;
using NUnit.Framework;

namespace TranscriptKit.Tests.Usage;

/// <summary>
/// <see cref="ITranscriber.EstimateAsync"/> from the three samples' real lengths (samples/README.md: welcome.mp4
/// 15.2 s, bonjour.mp4 4.7 s, short-note.mp3 5.2 s) and each vendor's pricing from its spec; unknown, and saying
/// why, where the length or the price is not known before paying. Nothing is sent: the endpoint is a closed port.
/// </summary>
[TestFixture]
[CancelAfter(10_000)]
public sealed class EstimateTests
{
    [TestCase("welcome.mp4", 15.2)]
    [TestCase("bonjour.mp4", 4.7)]
    [TestCase("short-note.mp3", 5.2)]
    public async Task Subclip_estimates_one_credit_per_started_minute_of_each_sample(string sample, double seconds)
    {
        var estimate = await Create("subclip").EstimateAsync(TranscriptionRequest.FromFile(RepositoryPaths.Sample(sample)) with { Language = "en" });

        Assert.That(estimate.MediaDuration!.Value.TotalSeconds, Is.EqualTo(seconds).Within(0.05));
        Assert.That(estimate.Charge, Is.EqualTo(1m), "under a minute is one started minute");
        Assert.That(estimate.Unit, Is.EqualTo("credits"));
        Assert.That(estimate.Basis, Is.EqualTo(ChargeBasis.Inferred), "rounding up is read from the docs' example, not stated");
        Assert.That(estimate.Explanation, Does.StartWith("About 1 credits (1 credits per started minute, rounding inferred; "));
    }

    [Test]
    public void Subclip_charges_two_credits_for_the_three_samples_played_back_to_back()
    {
        // 15.2 + 4.7 + 5.2 s is one started minute; 61 s of the longest sample's rate is two: the rule, not a constant.
        var pricing = Transcribers.Registry.Get("subclip").Definition.Pricing!;

        Assert.That(pricing.ChargeFor(TimeSpan.FromSeconds(15.2 + 4.7 + 5.2)), Is.EqualTo(1m));
        Assert.That(pricing.ChargeFor(TimeSpan.FromSeconds(61)), Is.EqualTo(2m));
        Assert.That(pricing.ChargeFor(TimeSpan.FromSeconds(126)), Is.EqualTo(3m), "the docs' example: 126 s, creditsUsed 3");
        Assert.That(pricing.ChargeFor(TimeSpan.FromMinutes(2)), Is.EqualTo(2m), "a whole minute is not rounded up to the next");
    }

    [Test]
    public async Task A_stream_is_measured_from_its_position_which_is_restored()
    {
        await using var stream = File.OpenRead(RepositoryPaths.Sample("bonjour.mp4"));

        var estimate = await Create("subclip").EstimateAsync(TranscriptionRequest.FromStream(stream, "bonjour.mp4") with { Language = "fr" });

        Assert.That(estimate.MediaDuration!.Value.TotalSeconds, Is.EqualTo(4.7).Within(0.05));
        Assert.That(stream.Position, Is.Zero);
    }

    [Test]
    public async Task A_url_has_no_length_before_the_vendor_fetches_it_so_a_per_minute_charge_is_unknown()
    {
        var estimate = await Create("subclip").EstimateAsync(TranscriptionRequest.FromUrl("https://www.tiktok.com/@creator/video/1") with { Language = "en" });

        Assert.That(estimate.MediaDuration, Is.Null);
        Assert.That(estimate.Charge, Is.Null);
        Assert.That(estimate.Unit, Is.EqualTo("credits"));
        Assert.That(estimate.Explanation, Does.Contain("the length of media at a URL is known only once the vendor has fetched it"));
    }

    [Test]
    public async Task A_per_request_price_is_known_for_a_url()
    {
        var estimate = await Create("soscripted").EstimateAsync(TranscriptionRequest.FromUrl("https://www.youtube.com/watch?v=dQw4w9WgXcQ"));

        Assert.That(estimate.Charge, Is.EqualTo(1m));
        Assert.That(estimate.Basis, Is.EqualTo(ChargeBasis.Documented));
        Assert.That(estimate.Explanation, Is.EqualTo("About 1 credits (1 credits per request)."));
    }

    [Test]
    public async Task An_inferred_quota_rule_still_needs_the_length_a_url_does_not_give()
    {
        var estimate = await Create("transcriptgenerate").EstimateAsync(TranscriptionRequest.FromUrl("https://v.douyin.com/xxxxxx"));

        Assert.That(estimate.Charge, Is.Null);
        Assert.That(estimate.Unit, Is.EqualTo("seconds"));
        Assert.That(estimate.Pricing!.InferredFacts, Is.EquivalentTo(new[] { "amount", "per" }));
    }

    [TestCase("captioncat", "welcome.mp4", 15.2)]
    [TestCase("cliptext", "short-note.mp3", 5.2)]
    public async Task A_vendor_whose_docs_state_no_price_gets_the_length_and_no_charge(string vendor, string sample, double seconds)
    {
        var estimate = await Create(vendor).EstimateAsync(TranscriptionRequest.FromFile(RepositoryPaths.Sample(sample)));

        Assert.That(estimate.MediaDuration!.Value.TotalSeconds, Is.EqualTo(seconds).Within(0.05));
        Assert.That(estimate.Charge, Is.Null);
        Assert.That(estimate.Unit, Is.Null);
        Assert.That(estimate.Pricing, Is.Null);
        Assert.That(estimate.Explanation, Does.StartWith("Charge unknown: ").And.Contain("docs state no price"));
    }

    [Test]
    public async Task A_file_whose_container_cannot_be_read_says_so()
    {
        var path = Path.Combine(Path.GetTempPath(), $"estimate-{Guid.NewGuid():N}.mp4");
        await File.WriteAllTextAsync(path, "not a media container at all");
        try
        {
            var estimate = await Create("subclip").EstimateAsync(TranscriptionRequest.FromFile(path) with { Language = "en" });

            Assert.That(estimate.Charge, Is.Null);
            Assert.That(estimate.Explanation, Does.Contain("could not be read from its headers"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_request_the_vendor_cannot_serve_is_refused_as_it_would_be_when_transcribing()
    {
        Assert.ThrowsAsync<TranscriptionNotSupportedException>(() => Create("transcriptgenerate").EstimateAsync(TranscriptionRequest.FromFile(RepositoryPaths.Sample("welcome.mp4"))));
    }

    [Test]
    public async Task A_transcriber_that_is_not_a_TranscriberBase_gets_the_default_with_the_length_only()
    {
        ITranscriber fake = new FakeTranscriber("cliptext");

        var estimate = await fake.EstimateAsync(TranscriptionRequest.FromFile(RepositoryPaths.Sample("short-note.mp3")));

        Assert.That(estimate.MediaDuration!.Value.TotalSeconds, Is.EqualTo(5.2).Within(0.001));
        Assert.That(estimate.Charge, Is.Null);
    }

    [Test]
    public async Task A_router_estimates_with_the_first_vendor_that_fits()
    {
        var router = new TranscriptionRouter([Create("soscripted"), Create("subclip")]);

        var estimate = await router.EstimateAsync(TranscriptionRequest.FromFile(RepositoryPaths.Sample("welcome.mp4")) with { Language = "en" });

        Assert.That(estimate.Vendor, Is.EqualTo("subclip"), "Soscripted takes no files");
        Assert.That(estimate.Charge, Is.EqualTo(1m));
    }

    private static ITranscriber Create(string vendor) =>
        Transcribers.Create(vendor, new VendorSettings { ApiKey = "estimate-key", ApiSecret = "estimate-secret", Endpoint = new Uri("http://127.0.0.1:9/") });
}
