using Microsoft.ML;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Pipeline;

/// <summary>The evaluation step: scores the candidate on the test split of its own dataset.</summary>
public sealed class CandidateEvaluation(DatasetStore datasets, ModelArtifactStore artifacts, ModelEvaluator evaluator)
{
    public async Task<EvaluatedCandidate> EvaluateAsync(TrainedCandidate candidate, CancellationToken cancellationToken)
    {
        PreparedDataset dataset = await datasets.LoadAsync(candidate.DatasetBlob, candidate.Spec, cancellationToken);
        DataSplit split = DataSplit.Create(dataset.RowCount, candidate.TestFraction, candidate.Seed);
        ITransformer model = await artifacts.LoadModelAsync(candidate.ArtifactBlob, cancellationToken);
        return new EvaluatedCandidate(candidate, evaluator.Evaluate(model, dataset, split.TestRows));
    }
}
