namespace MlopsServerless.Configuration;

/// <summary>Every blob container and table the app uses. infra/ provisions exactly these.</summary>
public static class StorageNames
{
    public static class Containers
    {
        /// <summary>Data teams upload labelled CSVs to <c>training-data/{model}/...csv</c>; an optional <c>model.json</c> beside them is the spec.</summary>
        public const string TrainingData = "training-data";

        /// <summary>Immutable, content-addressed copies of validated datasets: <c>datasets/{model}/{sha256}.csv</c>.</summary>
        public const string Datasets = "datasets";

        /// <summary>Model artifacts: <c>models/{model}/runs/{runId}/model.zip</c> and its drift reference profile.</summary>
        public const string Models = "models";

        /// <summary>Copies of uploads that failed validation: <c>quarantine/{model}/{runId}/{file}</c>.</summary>
        public const string Quarantine = "quarantine";

        /// <summary>One validation report per training run: <c>validation-reports/{model}/{runId}.json</c>.</summary>
        public const string ValidationReports = "validation-reports";

        /// <summary>Rows to score in bulk: <c>batch-input/{model}/{file}.csv</c>, named in <c>POST /api/models/{model}/batch</c>.</summary>
        public const string BatchInput = "batch-input";

        /// <summary>Scored batches: <c>batch-output/{model}/{jobId}.csv</c> (inputs, predictions, version).</summary>
        public const string BatchOutput = "batch-output";

        public static IReadOnlyList<string> All { get; } =
            [TrainingData, Datasets, Models, Quarantine, ValidationReports, BatchInput, BatchOutput];
    }

    public static class Tables
    {
        /// <summary>Model versions, the champion pointer and the version counter, partitioned by model.</summary>
        public const string ModelRegistry = "ModelRegistry";

        /// <summary>One row per training run (validation outcome, version, promotion decision).</summary>
        public const string TrainingRuns = "TrainingRuns";

        /// <summary>Every served prediction: inputs, outputs, model version, time.</summary>
        public const string PredictionLog = "PredictionLog";

        /// <summary>Drift reports written by the drift timer.</summary>
        public const string DriftReports = "DriftReports";

        /// <summary>True labels sent back for served predictions, each with the prediction it answers.</summary>
        public const string Feedback = "Feedback";

        /// <summary>Live requests also scored by the challenger: both versions, agreement, the challenger's predictions.</summary>
        public const string ShadowScores = "ShadowScores";

        public static IReadOnlyList<string> All { get; } =
            [ModelRegistry, TrainingRuns, PredictionLog, DriftReports, Feedback, ShadowScores];
    }
}
