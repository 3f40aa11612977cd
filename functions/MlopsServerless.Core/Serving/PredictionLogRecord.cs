namespace MlopsServerless.Core.Serving;

/// <summary>
/// A served request's log entry as the buffer holds it until it is written: serialized once, when it is served, to
/// UTF-8 JSON (one line; a request too large for one page is split by rows into slices, one line each). Holding bytes
/// instead of the object graph of every row keeps what waits for the flush cheap for the garbage collector.
/// </summary>
public sealed record PredictionLogRecord(string Model, string RequestId, DateTimeOffset ServedAt, int Rows, IReadOnlyList<byte[]> Lines)
{
    public int Bytes { get; } = Lines.Sum(line => line.Length);

    /// <summary>False when a single row's line is longer than a page holds: such an entry cannot be logged.</summary>
    public bool FitsAPage => Lines.All(line => line.Length < PredictionLogPages.MaxPageBytes);

    public static PredictionLogRecord From(PredictionLogEntry entry) => From(entry, new PredictionLogJson());

    public static PredictionLogRecord From(PredictionLogEntry entry, PredictionLogJson json, int maxLineBytes = PredictionLogPages.MaxPageBytes - 1) =>
        new(entry.Model, entry.RequestId, entry.ServedAt, entry.Inputs.Count, Serialize(entry, json, maxLineBytes));

    static IReadOnlyList<byte[]> Serialize(PredictionLogEntry entry, PredictionLogJson json, int maxLineBytes)
    {
        byte[] whole = json.Serialize(entry);
        if (whole.Length <= maxLineBytes || entry.Inputs.Count <= 1)
        {
            return [whole];
        }

        int half = (entry.Inputs.Count + 1) / 2;
        return
        [
            .. Serialize(entry with { Inputs = entry.Inputs.Take(half).ToList(), Outputs = entry.Outputs.Take(half).ToList() }, json, maxLineBytes),
            .. Serialize(entry with { Inputs = entry.Inputs.Skip(half).ToList(), Outputs = entry.Outputs.Skip(half).ToList() }, json, maxLineBytes),
        ];
    }
}
