using System;
using System.Linq;
using NUnit.Framework;

namespace TranscriptKit.Tests.Registry;

public sealed class TranscriberRegistryTests
{
    [Test]
    public void An_unknown_id_is_refused_naming_the_registered_ones()
    {
        var registry = new TranscriberRegistry([EchoVendor.Registration, SubclipTranscriber.Registration]);

        var error = Assert.Throws<ArgumentException>(() => registry.Get("nope"));

        Assert.That(error!.Message, Does.Contain("'nope'").And.Contain("echo-test").And.Contain("subclip"));
    }

    [Test]
    public void Transcribers_Create_refuses_an_unknown_id_instead_of_falling_back_to_a_vendor()
    {
        var error = Assert.Throws<ArgumentException>(() => Transcribers.Create("nope", new VendorSettings { ApiKey = "k" }));

        Assert.That(error!.Message, Does.Contain("'nope'"));
        Assert.That(Transcribers.Registry.Ids.Take(5), Is.EqualTo(new[] { "captioncat", "subclip", "transcriptgenerate", "cliptext", "soscripted" }));
        Assert.That(Transcribers.Registry.Ids, Is.All.Matches<string>(id => error.Message.Contains(id, StringComparison.Ordinal)));
    }

    [Test]
    public void A_second_vendor_with_the_same_id_is_refused_whatever_its_case()
    {
        var registry = new TranscriberRegistry().Add(SubclipTranscriber.Registration);
        var impostor = new TranscriptionVendor(
            new VendorDefinition(
                "SUBCLIP", "Impostor", new Uri("http://127.0.0.1:9/"), new VendorCredentials(CredentialScheme.Bearer, "Authorization"), [], [], VendorLimits.None,
                EchoVendor.Definition.CreateClientOptions, EchoVendor.Definition.CreateClient),
            EchoTranscriber.Known,
            EchoVendor.Registration.CreateTranscriber);

        var error = Assert.Throws<ArgumentException>(() => registry.Add(impostor));

        Assert.That(error!.Message, Does.Contain("'subclip'").And.Contain("already registered"));
        Assert.That(registry.Vendors, Has.Count.EqualTo(1));
    }

    [Test]
    public void Lookup_is_case_insensitive_and_ignores_surrounding_spaces()
    {
        var registry = new TranscriberRegistry([EchoVendor.Registration]);

        Assert.That(registry.Get(" Echo-TEST ").Id, Is.EqualTo("echo-test"));
        Assert.That(registry.TryGet("ECHO-test", out var found), Is.True);
        Assert.That(found, Is.SameAs(EchoVendor.Registration));
    }

    [Test]
    public void Built_in_vendors_take_their_facts_from_the_generated_definitions()
    {
        var subclip = Transcribers.Registry.Get("subclip");

        Assert.That(subclip.DisplayName, Is.EqualTo(subclip.Definition.DisplayName));
        Assert.That(subclip.Capabilities.MaxFileSize, Is.EqualTo(subclip.Definition.Limits.MaxUploadBytes).And.EqualTo(2_147_483_648L));
        Assert.That(Transcribers.Registry.Get("captioncat").Capabilities.FileTypes, Is.EqualTo(Transcribers.Registry.Get("captioncat").Definition.Limits.FileExtensions).And.Contains(".mp4"));
        Assert.That(Transcribers.Registry.Get("transcriptgenerate").Definition.Credentials.RequiresSecret, Is.True);
    }
}
