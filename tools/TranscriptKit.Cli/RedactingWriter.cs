using System.Collections.Generic;
using System.IO;
using System.Text;

namespace TranscriptKit.Cli;

/// <summary>
/// stderr with every secret from <see cref="SecretArguments"/> masked. It holds text until a line ends (or a flush),
/// so a secret written in pieces is still seen whole.
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

    public override void Write(string? value)
    {
        _pending.Append(value);
        if (value is not null && value.Contains('\n', System.StringComparison.Ordinal))
        {
            Emit();
        }
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
