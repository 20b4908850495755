namespace TranscriptKit;

/// <summary>
/// One raw value of a polled job's state and what it means, from the spec's <c>x-tk-poll</c>
/// (<c>running-when</c>, <c>succeeded-when</c>, <c>failed-when</c>, <c>error-when</c>). Layers that report drift or
/// explain a state read these instead of knowing a vendor's words.
/// </summary>
/// <param name="Field">The status response's field, as a dotted JSON path (<c>status</c>, <c>data.status</c>).</param>
/// <param name="Value">The raw value as the spec writes it (<c>completed</c>; for <see cref="JobStatusMatch.AtLeast"/> the number).</param>
/// <param name="Meaning">Running, succeeded or failed.</param>
/// <param name="Match">How the field is compared with <paramref name="Value"/>.</param>
/// <param name="Inferred"><see langword="true"/> when the vendor's docs do not show the value and the spec inferred it (<c>x-tk-inferred</c>).</param>
public sealed record JobStatusValue(string Field, string Value, JobStatusMeaning Meaning, JobStatusMatch Match, bool Inferred);
