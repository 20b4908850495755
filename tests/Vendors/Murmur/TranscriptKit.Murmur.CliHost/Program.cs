using TranscriptKit;
using TranscriptKit.Cli;
using TranscriptKit.Murmur.Sandbox;

// The composition root: the built-in vendors come with TranscriptKitCli; Murmur is the one line.
return await TranscriptKitCli.RunAsync(args, [new CliVendor(MurmurTranscriber.Registration, () => new MurmurEmulator())]);
