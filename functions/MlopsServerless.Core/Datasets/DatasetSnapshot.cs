using MlopsServerless.Core.Datasets.Csv;

namespace MlopsServerless.Core.Datasets;

/// <summary>A stored dataset snapshot: its blob, CSV dialect, when it was taken (first stored, by the storage clock) and size.</summary>
public sealed record DatasetSnapshot(string Blob, CsvDialect Dialect, DateTimeOffset TakenAt, long Bytes);
