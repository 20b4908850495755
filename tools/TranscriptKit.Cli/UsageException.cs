using System;

namespace TranscriptKit.Cli;

/// <summary>The command line asks for something impossible; reported as one line with exit code 2.</summary>
internal sealed class UsageException(string message, Exception? innerException = null) : Exception(message, innerException);
