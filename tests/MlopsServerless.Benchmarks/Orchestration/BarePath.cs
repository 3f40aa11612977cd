using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.ML;
using MlopsServerless.Core.Configuration;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Datasets.Csv;
using MlopsServerless.Core.Drift;
using MlopsServerless.Core.Pipeline;
using MlopsServerless.Core.Serving;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Benchmarks.Orchestration;

/// <summary>
/// The same candidates trained in this process with no orchestration and no storage, on the same rows, with the same
/// featurisation and trainers: the Core's <see cref="DatasetReader"/> (the CSV file into typed columns) and
/// <see cref="ModelTrainer"/> (<see cref="FeaturePipeline"/> + the candidate's ML.NET trainer), the platform's
/// <see cref="DataSplit"/> and seed, and <see cref="CandidateSearch"/> with the spec's task, trainer and budget.
/// Candidates start in plan order, a given number at a time.
/// <para>
/// <see cref="Variant.Candidates"/>: read the file (spec known beforehand), train every candidate on the fit rows and score
/// it on the validation rows, choose the best (<see cref="CandidateSelection.Best"/>), score it on the test rows.
/// <see cref="Variant.Full"/>: that, plus what the platform computes besides: the validation pass over the file (column
/// statistics and spec inference), each candidate scored on its training rows (at most 20,000), permutation importance,
/// conformal calibration and coverage (row-by-row predictions of the validation and test rows), segment metrics, the
/// learning curve (the winner's configuration trained again on a quarter and on half of the fit rows), the fit diagnosis
/// and the drift reference profile. Neither variant saves or loads a model zip, hashes the file, or touches storage.
/// </para>
/// </summary>
public static class BarePath
{
    public enum Variant
    {
        Candidates,
        Full,
    }

    const int MaxTrainRowsScored = 20_000; // as CandidateTraining
    static readonly double[] CurveFractions = [0.25, 0.5]; // as CandidateSelection

    /// <param name="concurrency">How many candidates train at once (in plan order); all of them when it is at least their number.</param>
    public static BareRun Run(string csvPath, Variant variant, int concurrency, ModelSpec spec, CsvDialect dialect)
    {
        var options = new TrainingOptions();
        var clock = new PhaseClock();
        var evaluator = new ModelEvaluator();
        var trainer = new ModelTrainer();
        bool full = variant == Variant.Full;

        if (full)
        {
            ValidationResult validation = clock.Time("validate", () =>
            {
                using FileStream file = Open(csvPath);
                return new DatasetValidator().ValidateAsync(file, null, options, CancellationToken.None).GetAwaiter().GetResult();
            });
            if (!validation.IsValid || !validation.Spec!.Equals(spec))
            {
                throw new InvalidOperationException("The validation pass did not give the spec the run was planned with.");
            }
        }

        PreparedDataset dataset = clock.Time("read", () =>
        {
            using FileStream file = Open(csvPath);
            return DatasetReader.Read(file, spec, dialect);
        });
        DataSplit split = DataSplit.Create(dataset.RowCount, options.TestFraction, options.Seed);
        CandidateSearch.Plan plan = CandidateSearch.Create(spec.Task, spec.Trainer, spec.Policy.Candidates, new NativeLibraryProbe().LightGbm);

        var trained = new (CandidateResult Result, ITransformer Model)[plan.Candidates.Count];
        int running = 0, peak = 0;
        void TrainOne(int i)
        {
            int now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            CandidateConfig config = plan.Candidates[i];
            var watch = Stopwatch.StartNew();
            TrainedModel model = trainer.Train(dataset, split.FitRows, config, options.Seed);
            double seconds = Math.Round(watch.Elapsed.TotalSeconds, 3);
            ModelMetrics validation = evaluator.Evaluate(model.Transformer, dataset, split.ValidationRows);
            ModelMetrics training = full
                ? evaluator.Evaluate(model.Transformer, dataset, split.FitRows.Take(MaxTrainRowsScored).ToList())
                : validation; // not computed: selection compares validation metrics only
            trained[i] = (new CandidateResult(config, string.Empty, model.Parameters, validation, training, seconds), model.Transformer);
            Interlocked.Decrement(ref running);
        }

        clock.Time("train candidates", () =>
        {
            if (concurrency >= plan.Candidates.Count)
            {
                // All at once, each on a thread of its own (the thread pool would start only a few at first).
                Task.WaitAll(Enumerable.Range(0, plan.Candidates.Count).Select(i =>
                    Task.Factory.StartNew(() => TrainOne(i), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray());
            }
            else
            {
                // In plan order, one at a time per worker, as a queue of activities is served.
                Parallel.ForEach(Partitioner.Create(Enumerable.Range(0, plan.Candidates.Count), EnumerablePartitionerOptions.NoBuffering),
                    new ParallelOptions { MaxDegreeOfParallelism = concurrency }, TrainOne);
            }

            return 0;
        });

        CandidateResult chosen = CandidateSelection.Best(trained.Select(t => t.Result).ToList());
        ITransformer winner = trained.Single(t => t.Result.Config.Id == chosen.Config.Id).Model;
        ModelMetrics test = clock.Time("test metrics", () => evaluator.Evaluate(winner, dataset, split.TestRows));

        if (full)
        {
            clock.Time("importance", () => PermutationImportance.Compute(winner, dataset, split.TestRows, evaluator, options.Seed));
            IReadOnlyList<Prediction> testPredictions = clock.Time("conformal", () =>
            {
                ServingModel serving = ServingModel.FromTransformer(winner, spec);
                IReadOnlyList<Prediction> predictions = serving.Predict(split.TestRows.Select(dataset.Row).ToList());
                ConformalCalibration conformal = ConformalCalibration.Fit(spec.Task,
                    serving.Predict(split.ValidationRows.Select(dataset.Row).ToList()), split.ValidationRows.Select(r => dataset.Labels[r]).ToList());
                conformal.MeasureCoverage(spec.Task, predictions, split.TestRows.Select(r => dataset.Labels[r]).ToList());
                return predictions;
            });
            clock.Time("segments", () => SegmentMetrics.Compute(winner, dataset, split.TestRows, spec.Policy.SegmentColumns, evaluator));
            clock.Time("learning curve", () => FitDiagnosis.Diagnose(chosen.TrainMetrics, chosen.ValidationMetrics,
                LearningCurve(trainer, evaluator, dataset, split, chosen, options.Seed)));
            clock.Time("reference profile", () => ReferenceProfile.Build(dataset, split.TrainRows, testPredictions));
        }

        return new BareRun(variant, concurrency, peak, clock.TotalSeconds, clock.Phases, chosen.Config.Id, test.PrimaryValue,
            trained.Select(t => new CandidateTime(t.Result.Config.ToString(), t.Result.TrainingSeconds)).ToList());
    }

    /// <summary>The spec and dialect the platform's validation infers for the file (run once, outside the timings).</summary>
    public static (ModelSpec Spec, CsvDialect Dialect) Inspect(string csvPath)
    {
        using FileStream file = Open(csvPath);
        ValidationResult validation = new DatasetValidator().ValidateAsync(file, null, new TrainingOptions(), CancellationToken.None)
            .GetAwaiter().GetResult();
        return validation.IsValid
            ? (validation.Spec!, validation.Dialect ?? CsvDialect.Default)
            : throw new InvalidOperationException("The generated CSV did not validate: " +
                string.Join("; ", validation.Errors.Select(e => $"{e.Column} {e.Row}: {e.Message}")));
    }

    static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    /// <summary>CandidateSelection's learning curve, step for step.</summary>
    static IReadOnlyList<LearningCurvePoint> LearningCurve(ModelTrainer trainer, ModelEvaluator evaluator, PreparedDataset dataset,
        DataSplit split, CandidateResult chosen, int seed)
    {
        int[] shuffled = split.FitRows.ToArray();
        new Random(seed).Shuffle(shuffled);
        var points = new List<LearningCurvePoint>();
        foreach (double fraction in CurveFractions)
        {
            int[] rows = shuffled[..Math.Max(10, (int)(shuffled.Length * fraction))].Order().ToArray();
            TrainedModel partial = trainer.Train(dataset, rows, chosen.Config, seed);
            points.Add(new LearningCurvePoint(rows.Length, evaluator.Evaluate(partial.Transformer, dataset, rows).PrimaryValue,
                evaluator.Evaluate(partial.Transformer, dataset, split.ValidationRows).PrimaryValue));
        }

        points.Add(new LearningCurvePoint(split.FitRows.Count, chosen.TrainMetrics.PrimaryValue, chosen.ValidationMetrics.PrimaryValue));
        return points;
    }

    static FileStream Open(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
}

/// <summary>One bare run: its wall time, its phases, the candidate it chose and that one's test metric, each candidate's training time.</summary>
public sealed record BareRun(BarePath.Variant Variant, int Concurrency, int PeakConcurrency, double Seconds, IReadOnlyList<TimedPhase> Phases, string ChosenId, double TestMetric,
    IReadOnlyList<CandidateTime> Candidates);

public sealed record CandidateTime(string Configuration, double TrainingSeconds);

public sealed record TimedPhase(string Name, double Seconds);

/// <summary>Wall time of named phases run one after another.</summary>
public sealed class PhaseClock
{
    readonly List<TimedPhase> _phases = [];

    public IReadOnlyList<TimedPhase> Phases => _phases;

    public double TotalSeconds => _phases.Sum(p => p.Seconds);

    public T Time<T>(string name, Func<T> phase)
    {
        var watch = Stopwatch.StartNew();
        T result = phase();
        _phases.Add(new TimedPhase(name, watch.Elapsed.TotalSeconds));
        return result;
    }

    public async Task<T> TimeAsync<T>(string name, Func<Task<T>> phase)
    {
        var watch = Stopwatch.StartNew();
        T result = await phase();
        _phases.Add(new TimedPhase(name, watch.Elapsed.TotalSeconds));
        return result;
    }
}
