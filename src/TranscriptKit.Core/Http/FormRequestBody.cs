using System.Collections.Generic;
using System.ComponentModel;
using System.Net.Http;

namespace TranscriptKit.Runtime;

/// <summary>An <c>application/x-www-form-urlencoded</c> body.</summary>
/// <param name="fields">The fields in spec order; null values are left out.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FormRequestBody(IEnumerable<KeyValuePair<string, string?>> fields) : RequestBody
{
    private readonly List<KeyValuePair<string, string>> _fields = Collect(fields);

    /// <inheritdoc />
    public override bool IsReplayable => true;

    /// <inheritdoc />
    public override HttpContent CreateContent() => new FormUrlEncodedContent(_fields);

    private static List<KeyValuePair<string, string>> Collect(IEnumerable<KeyValuePair<string, string?>> fields)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in fields)
        {
            if (value is not null)
            {
                list.Add(new(name, value));
            }
        }

        return list;
    }
}
