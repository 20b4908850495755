namespace TranscriptKit;

/// <summary>What a job state value means (<see cref="JobStatusValue.Meaning"/>).</summary>
public enum JobStatusMeaning
{
    /// <summary>The job is still running (<c>running-when</c>).</summary>
    Running,

    /// <summary>The job finished with a result (<c>succeeded-when</c>).</summary>
    Succeeded,

    /// <summary>The job failed, or the status answer is the vendor's error shape (<c>failed-when</c>, <c>error-when</c>).</summary>
    Failed,
}
