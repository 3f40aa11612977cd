using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Registry;

/// <summary>
/// What a version carries besides its lineage: its metrics on the test rows (touched once), permutation importance per
/// column, over/under-fitting evidence, conformal calibration, metrics per segment, the drift reference profile, and
/// every candidate the run compared.
/// </summary>
public sealed record ModelCard(
    ModelMetrics TestMetrics,
    IReadOnlyDictionary<string, double> Importance,
    FitDiagnosis Fit,
    ConformalCalibration Conformal,
    IReadOnlyList<SegmentMetrics> Segments,
    string ReferenceProfileBlob,
    IReadOnlyList<CandidateSummary> Candidates);

/// <summary>One candidate of the run as the model card lists it: configuration, validation metric, whether it was chosen, or why it failed.</summary>
public sealed record CandidateSummary(string Id, string Trainer, string Configuration, double? ValidationMetric, bool Chosen, string? Failure = null);
