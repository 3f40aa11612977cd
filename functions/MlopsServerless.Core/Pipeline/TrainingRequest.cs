namespace MlopsServerless.Core.Pipeline;

/// <summary>One uploaded dataset to train from. <see cref="RunId"/> is derived from the blob and its ETag, so a repeated event is the same run.</summary>
public sealed record TrainingRequest(string Model, string SourceBlob, string RunId);
