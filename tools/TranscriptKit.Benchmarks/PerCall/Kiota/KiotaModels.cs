using System;
using System.Collections.Generic;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Extensions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace TranscriptKit.Benchmarks.PerCall.Kiota.Models;

// Subclip's models written as Kiota (1.2x, C#) generates them from specs/subclip.yaml: IAdditionalDataHolder +
// IParsable, a fresh field-deserializer dictionary per object, nullable properties, enums through reflection.

public partial class CreateJobRequest : IAdditionalDataHolder, IParsable
{
    public IDictionary<string, object> AdditionalData { get; set; } = new Dictionary<string, object>();

    public bool? IncludeWordTimestamps { get; set; }

    public TranscriptFormat? Format { get; set; }

    public LanguageCode? Language { get; set; }

    public Platform? Platform { get; set; }

    public string? SourceObjectKey { get; set; }

    public string? SourceObjectMimeType { get; set; }

    public string? SourceObjectName { get; set; }

    public string? Url { get; set; }

    public static CreateJobRequest CreateFromDiscriminatorValue(IParseNode parseNode)
    {
        _ = parseNode ?? throw new ArgumentNullException(nameof(parseNode));
        return new CreateJobRequest();
    }

    public virtual IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>
    {
        { "format", n => { Format = n.GetEnumValue<TranscriptFormat>(); } },
        { "includeWordTimestamps", n => { IncludeWordTimestamps = n.GetBoolValue(); } },
        { "language", n => { Language = n.GetEnumValue<LanguageCode>(); } },
        { "platform", n => { Platform = n.GetEnumValue<Platform>(); } },
        { "sourceObjectKey", n => { SourceObjectKey = n.GetStringValue(); } },
        { "sourceObjectMimeType", n => { SourceObjectMimeType = n.GetStringValue(); } },
        { "sourceObjectName", n => { SourceObjectName = n.GetStringValue(); } },
        { "url", n => { Url = n.GetStringValue(); } },
    };

    public virtual void Serialize(ISerializationWriter writer)
    {
        _ = writer ?? throw new ArgumentNullException(nameof(writer));
        writer.WriteEnumValue<TranscriptFormat>("format", Format);
        writer.WriteBoolValue("includeWordTimestamps", IncludeWordTimestamps);
        writer.WriteEnumValue<LanguageCode>("language", Language);
        writer.WriteEnumValue<Platform>("platform", Platform);
        writer.WriteStringValue("sourceObjectKey", SourceObjectKey);
        writer.WriteStringValue("sourceObjectMimeType", SourceObjectMimeType);
        writer.WriteStringValue("sourceObjectName", SourceObjectName);
        writer.WriteStringValue("url", Url);
        writer.WriteAdditionalData(AdditionalData);
    }
}

public partial class CreateJobResult : IAdditionalDataHolder, IParsable
{
    public IDictionary<string, object> AdditionalData { get; set; } = new Dictionary<string, object>();

    public string? DownloadUrl { get; set; }

    public double? EstimatedCredits { get; set; }

    public TranscriptFormat? Format { get; set; }

    public Platform? Platform { get; set; }

    public string? ProjectId { get; set; }

    public string? RunId { get; set; }

    public JobStatus? Status { get; set; }

    public string? StatusUrl { get; set; }

    public static CreateJobResult CreateFromDiscriminatorValue(IParseNode parseNode)
    {
        _ = parseNode ?? throw new ArgumentNullException(nameof(parseNode));
        return new CreateJobResult();
    }

    public virtual IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>
    {
        { "downloadUrl", n => { DownloadUrl = n.GetStringValue(); } },
        { "estimatedCredits", n => { EstimatedCredits = n.GetDoubleValue(); } },
        { "format", n => { Format = n.GetEnumValue<TranscriptFormat>(); } },
        { "platform", n => { Platform = n.GetEnumValue<Platform>(); } },
        { "projectId", n => { ProjectId = n.GetStringValue(); } },
        { "runId", n => { RunId = n.GetStringValue(); } },
        { "status", n => { Status = n.GetEnumValue<JobStatus>(); } },
        { "statusUrl", n => { StatusUrl = n.GetStringValue(); } },
    };

    public virtual void Serialize(ISerializationWriter writer)
    {
        _ = writer ?? throw new ArgumentNullException(nameof(writer));
        writer.WriteStringValue("downloadUrl", DownloadUrl);
        writer.WriteDoubleValue("estimatedCredits", EstimatedCredits);
        writer.WriteEnumValue<TranscriptFormat>("format", Format);
        writer.WriteEnumValue<Platform>("platform", Platform);
        writer.WriteStringValue("projectId", ProjectId);
        writer.WriteStringValue("runId", RunId);
        writer.WriteEnumValue<JobStatus>("status", Status);
        writer.WriteStringValue("statusUrl", StatusUrl);
        writer.WriteAdditionalData(AdditionalData);
    }
}

public partial class JobStatusResult : IAdditionalDataHolder, IParsable
{
    public IDictionary<string, object> AdditionalData { get; set; } = new Dictionary<string, object>();

    public double? CreditsUsed { get; set; }

    public double? DurationSeconds { get; set; }

    public TranscriptFormat? Format { get; set; }

    public bool? IncludeWordTimestamps { get; set; }

    public string? Output { get; set; }

    public bool? OutputReady { get; set; }

    public Platform? Platform { get; set; }

    public string? ProjectId { get; set; }

    public JobStatus? Status { get; set; }

    public string? Text { get; set; }

    public TranscriptDocument? Transcript { get; set; }

    public List<WordTimestamp>? WordTimestamps { get; set; }

    public static JobStatusResult CreateFromDiscriminatorValue(IParseNode parseNode)
    {
        _ = parseNode ?? throw new ArgumentNullException(nameof(parseNode));
        return new JobStatusResult();
    }

    public virtual IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>
    {
        { "creditsUsed", n => { CreditsUsed = n.GetDoubleValue(); } },
        { "durationSeconds", n => { DurationSeconds = n.GetDoubleValue(); } },
        { "format", n => { Format = n.GetEnumValue<TranscriptFormat>(); } },
        { "includeWordTimestamps", n => { IncludeWordTimestamps = n.GetBoolValue(); } },
        { "output", n => { Output = n.GetStringValue(); } },
        { "outputReady", n => { OutputReady = n.GetBoolValue(); } },
        { "platform", n => { Platform = n.GetEnumValue<Platform>(); } },
        { "projectId", n => { ProjectId = n.GetStringValue(); } },
        { "status", n => { Status = n.GetEnumValue<JobStatus>(); } },
        { "text", n => { Text = n.GetStringValue(); } },
        { "transcript", n => { Transcript = n.GetObjectValue<TranscriptDocument>(TranscriptDocument.CreateFromDiscriminatorValue); } },
        { "wordTimestamps", n => { WordTimestamps = n.GetCollectionOfObjectValues<WordTimestamp>(WordTimestamp.CreateFromDiscriminatorValue)?.AsList(); } },
    };

    public virtual void Serialize(ISerializationWriter writer)
    {
        _ = writer ?? throw new ArgumentNullException(nameof(writer));
        writer.WriteDoubleValue("creditsUsed", CreditsUsed);
        writer.WriteDoubleValue("durationSeconds", DurationSeconds);
        writer.WriteEnumValue<TranscriptFormat>("format", Format);
        writer.WriteBoolValue("includeWordTimestamps", IncludeWordTimestamps);
        writer.WriteStringValue("output", Output);
        writer.WriteBoolValue("outputReady", OutputReady);
        writer.WriteEnumValue<Platform>("platform", Platform);
        writer.WriteStringValue("projectId", ProjectId);
        writer.WriteEnumValue<JobStatus>("status", Status);
        writer.WriteStringValue("text", Text);
        writer.WriteObjectValue<TranscriptDocument>("transcript", Transcript);
        writer.WriteCollectionOfObjectValues<WordTimestamp>("wordTimestamps", WordTimestamps);
        writer.WriteAdditionalData(AdditionalData);
    }
}

public partial class TranscriptDocument : IAdditionalDataHolder, IParsable
{
    public IDictionary<string, object> AdditionalData { get; set; } = new Dictionary<string, object>();

    public List<TranscriptSegment>? Segments { get; set; }

    public string? Text { get; set; }

    public static TranscriptDocument CreateFromDiscriminatorValue(IParseNode parseNode)
    {
        _ = parseNode ?? throw new ArgumentNullException(nameof(parseNode));
        return new TranscriptDocument();
    }

    public virtual IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>
    {
        { "segments", n => { Segments = n.GetCollectionOfObjectValues<TranscriptSegment>(TranscriptSegment.CreateFromDiscriminatorValue)?.AsList(); } },
        { "text", n => { Text = n.GetStringValue(); } },
    };

    public virtual void Serialize(ISerializationWriter writer)
    {
        _ = writer ?? throw new ArgumentNullException(nameof(writer));
        writer.WriteCollectionOfObjectValues<TranscriptSegment>("segments", Segments);
        writer.WriteStringValue("text", Text);
        writer.WriteAdditionalData(AdditionalData);
    }
}

public partial class TranscriptSegment : IAdditionalDataHolder, IParsable
{
    public IDictionary<string, object> AdditionalData { get; set; } = new Dictionary<string, object>();

    public double? End { get; set; }

    public double? Start { get; set; }

    public string? Text { get; set; }

    public List<WordTimestamp>? Words { get; set; }

    public static TranscriptSegment CreateFromDiscriminatorValue(IParseNode parseNode)
    {
        _ = parseNode ?? throw new ArgumentNullException(nameof(parseNode));
        return new TranscriptSegment();
    }

    public virtual IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>
    {
        { "end", n => { End = n.GetDoubleValue(); } },
        { "start", n => { Start = n.GetDoubleValue(); } },
        { "text", n => { Text = n.GetStringValue(); } },
        { "words", n => { Words = n.GetCollectionOfObjectValues<WordTimestamp>(WordTimestamp.CreateFromDiscriminatorValue)?.AsList(); } },
    };

    public virtual void Serialize(ISerializationWriter writer)
    {
        _ = writer ?? throw new ArgumentNullException(nameof(writer));
        writer.WriteDoubleValue("end", End);
        writer.WriteDoubleValue("start", Start);
        writer.WriteStringValue("text", Text);
        writer.WriteCollectionOfObjectValues<WordTimestamp>("words", Words);
        writer.WriteAdditionalData(AdditionalData);
    }
}

public partial class WordTimestamp : IAdditionalDataHolder, IParsable
{
    public IDictionary<string, object> AdditionalData { get; set; } = new Dictionary<string, object>();

    public double? End { get; set; }

    public double? Start { get; set; }

    public string? Word { get; set; }

    public static WordTimestamp CreateFromDiscriminatorValue(IParseNode parseNode)
    {
        _ = parseNode ?? throw new ArgumentNullException(nameof(parseNode));
        return new WordTimestamp();
    }

    public virtual IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>
    {
        { "end", n => { End = n.GetDoubleValue(); } },
        { "start", n => { Start = n.GetDoubleValue(); } },
        { "word", n => { Word = n.GetStringValue(); } },
    };

    public virtual void Serialize(ISerializationWriter writer)
    {
        _ = writer ?? throw new ArgumentNullException(nameof(writer));
        writer.WriteDoubleValue("end", End);
        writer.WriteDoubleValue("start", Start);
        writer.WriteStringValue("word", Word);
        writer.WriteAdditionalData(AdditionalData);
    }
}

/// <summary>Error responses with a schema become ApiException subclasses in Kiota.</summary>
public partial class ErrorBody : ApiException, IAdditionalDataHolder, IParsable
{
    public IDictionary<string, object> AdditionalData { get; set; } = new Dictionary<string, object>();

    public string? Error { get; set; }

    public static ErrorBody CreateFromDiscriminatorValue(IParseNode parseNode)
    {
        _ = parseNode ?? throw new ArgumentNullException(nameof(parseNode));
        return new ErrorBody();
    }

    public virtual IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>
    {
        { "error", n => { Error = n.GetStringValue(); } },
    };

    public virtual void Serialize(ISerializationWriter writer)
    {
        _ = writer ?? throw new ArgumentNullException(nameof(writer));
        writer.WriteStringValue("error", Error);
        writer.WriteAdditionalData(AdditionalData);
    }
}
