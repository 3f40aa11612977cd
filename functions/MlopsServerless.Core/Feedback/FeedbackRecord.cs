using MlopsServerless.Core.Serving;

namespace MlopsServerless.Core.Feedback;

/// <summary>A true label sent back for one served row, stored with the prediction it answers (version, time, output).</summary>
public sealed record FeedbackRecord(
    string Model,
    string RequestId,
    int Row,
    int Version,
    DateTimeOffset ServedAt,
    DateTimeOffset ReceivedAt,
    string Label,
    Prediction Prediction);
