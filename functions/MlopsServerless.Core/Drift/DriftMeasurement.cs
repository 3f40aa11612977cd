using MlopsServerless.Core.Pipeline;

namespace MlopsServerless.Core.Drift;

/// <summary>One champion measured: the stored report (with the action taken) and the training run queued for its trainer, if any.</summary>
public sealed record DriftMeasurement(DriftReport Report, TrainingRequest? Retrain);

/// <summary>
/// A drift run over every champion: the models measured, and the failures of those that could not be (each logged; one
/// model's broken artifacts do not stop the others, and the run still fails visibly through <see cref="ThrowIfAnyFailed"/>).
/// </summary>
public sealed record DriftRun(IReadOnlyList<DriftMeasurement> Measurements, IReadOnlyList<Exception> Failures)
{
    public IReadOnlyList<DriftReport> Reports => Measurements.Select(m => m.Report).ToList();

    public IEnumerable<TrainingRequest> Retrains => Measurements.Select(m => m.Retrain).OfType<TrainingRequest>();

    public void ThrowIfAnyFailed()
    {
        if (Failures.Count > 0)
        {
            throw new AggregateException("Drift could not be measured for every model.", Failures);
        }
    }
}
