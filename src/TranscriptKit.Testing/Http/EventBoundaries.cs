using System;
using System.Collections.Generic;

namespace TranscriptKit.Testing;

/// <summary>
/// Finds where Server-Sent Events end in a byte stream fed in chunks: at a blank line after at least one non-blank
/// one, with any of the three line endings the SSE grammar allows (<c>\n</c>, <c>\r\n</c>, <c>\r</c>). The recorder
/// times events with it and the replayer cuts the same body at the same places, so the two always agree on the count.
/// </summary>
internal sealed class EventBoundaries
{
    private long _position;
    private bool _atLineStart = true;
    private bool _afterCarriageReturn;
    private bool _eventHasContent;

    /// <summary>The stream offsets just past each event's blank line in <paramref name="body"/>.</summary>
    public static List<long> In(ReadOnlySpan<byte> body)
    {
        var ends = new List<long>();
        new EventBoundaries().Feed(body, ends);
        return ends;
    }

    /// <summary>Reads the next chunk, adding the stream offset just past each event that ends in it.</summary>
    public void Feed(ReadOnlySpan<byte> chunk, List<long> ends)
    {
        foreach (var b in chunk)
        {
            _position++;
            if (b == (byte)'\n' && _afterCarriageReturn)
            {
                // The second half of \r\n: the line already ended at the \r.
                _afterCarriageReturn = false;
                if (ends.Count > 0 && ends[^1] == _position - 1)
                {
                    ends[^1] = _position;
                }

                continue;
            }

            _afterCarriageReturn = b == (byte)'\r';
            if (b is (byte)'\n' or (byte)'\r')
            {
                if (_atLineStart && _eventHasContent)
                {
                    ends.Add(_position);
                    _eventHasContent = false;
                }

                _atLineStart = true;
            }
            else
            {
                _atLineStart = false;
                _eventHasContent = true;
            }
        }
    }
}
