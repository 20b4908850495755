// Built only from packages (tests/Packaging/run.sh): the packed generator turned acme.yaml, declared with
// <TranscriptKitSpec Namespace="Acme.Speech">, into AcmeClient; unrelated.yaml (broken YAML in AdditionalFiles) was
// ignored, or the build would have failed with TK0001.
Console.WriteLine(typeof(Acme.Speech.AcmeClient).FullName);
