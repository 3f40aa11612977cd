namespace MlopsServerless.Core.Batch;

/// <summary>A batch scoring job: which model, its id, the CSV of rows to score (<c>batch-input/…</c>).</summary>
public sealed record BatchJobRequest(string Model, string JobId, string InputBlob);

/// <summary>How a job is cut: the version scoring it (the champion when it started), its rows, and chunks of consecutive rows.</summary>
public sealed record BatchPlan(BatchJobRequest Job, int Version, int RowCount, IReadOnlyList<BatchChunk> Chunks);

/// <summary>Rows <see cref="FirstRow"/> .. <see cref="FirstRow"/> + <see cref="RowCount"/> − 1 of the input (data rows, 0-based).</summary>
public sealed record BatchChunk(int Index, int FirstRow, int RowCount);

/// <summary>One scored chunk: its blob, the rows written, and how many of them could not be scored (their <c>error</c> column says why).</summary>
public sealed record BatchChunkResult(int Index, string Blob, int Rows, int InvalidRows);

/// <summary>A finished job: the output CSV (inputs + predictions + version, in input order) and its counts.</summary>
public sealed record BatchJobResult(string Model, string JobId, int Version, string OutputBlob, int Rows, int InvalidRows);
