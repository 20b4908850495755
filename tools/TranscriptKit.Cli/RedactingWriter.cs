using System.Collections.Generic;
using System.IO;
using System.Text;

namespace TranscriptKit.Cli;

/// <summary>
/// stderr with every secret from <see cref="SecretArguments"/> masked. Single characters are held until a line ends
/// (or a flush), so a secret written character by character is still seen whole; strings are masked as they come.
/// </summary>
internal sealed class RedactingWriter(TextWriter inner, IReadOnlyList<string> secrets) : TextWriter
{
    private readonly StringBuilder _pending = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        _pending.Append(value);
        if (value == '\n')
        {
            Emit();
        }
    }

    // Whole strings go out at once (every message is written as one), so a live progress bar is not held back.
    public override void Write(string? value)
    {
        _pending.Append(value);
        Emit();
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Flush()
    {
        Emit();
        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    private void Emit()
    {
        if (_pending.Length == 0)
        {
            return;
        }

        inner.Write(SecretArguments.Redact(_pending.ToString(), secrets));
        _pending.Clear();
        inner.Flush();
    }
}
