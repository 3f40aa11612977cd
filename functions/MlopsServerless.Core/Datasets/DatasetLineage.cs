namespace MlopsServerless.Core.Datasets;

/// <summary>
/// What a dataset snapshot the platform assembled itself (rather than snapshotted from an upload) was built from: the
/// training snapshot of version <see cref="BaseVersion"/>, unchanged, followed by <see cref="FeedbackRows"/> rows served
/// in (<see cref="ServedAfter"/>, <see cref="ServedUpTo"/>] whose true labels came back as feedback (their inputs from the
/// prediction log, their labels from the feedback). Stored beside the snapshot as
/// <c>datasets/{model}/{sha256}.lineage.json</c>.
/// </summary>
public sealed record DatasetLineage(
    string Model,
    string DatasetBlob,
    string DataSha256,
    string BaseDatasetBlob,
    string BaseDataSha256,
    int BaseVersion,
    int FeedbackRows,
    DateTimeOffset ServedAfter,
    DateTimeOffset ServedUpTo,
    DateTimeOffset BuiltAt);
