using System.ComponentModel;
using System.Text.Json;

namespace TranscriptKit.Runtime;

/// <summary>Reads one value starting at the reader's current token; generated per model.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="reader">A reader positioned on the value's first token.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T JsonReadFunc<out T>(ref Utf8JsonReader reader);

/// <summary>Writes one value; generated per model.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="writer">The writer.</param>
/// <param name="value">The value.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate void JsonWriteAction<in T>(Utf8JsonWriter writer, T value);
