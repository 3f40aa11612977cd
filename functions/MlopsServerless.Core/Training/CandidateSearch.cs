using MlopsServerless.Core.Datasets;

namespace MlopsServerless.Core.Training;

/// <summary>
/// The candidates a run tries within its budget: trainer families in turn (FastTree, LightGbm, a linear model,
/// FastForest; or only the family model.json asks for), each stepping through a small grid of its main
/// hyperparameters, the platform's defaults first. Deterministic: no randomness, so the same inputs give the same list.
/// A family that cannot run on this host (LightGbm without its natives) is skipped with the reason.
/// </summary>
public static class CandidateSearch
{
    public sealed record Plan(IReadOnlyList<CandidateConfig> Candidates, IReadOnlyList<SkippedCandidate> Skipped);

    public sealed record SkippedCandidate(TrainerKind Trainer, string Reason);

    public static Plan Create(ModelTask task, TrainerKind? requested, int budget, NativeLibraryStatus lightGbm)
    {
        var skipped = new List<SkippedCandidate>();
        List<TrainerKind> families = Families(task).Where(f => requested is null || f == requested).ToList();
        if (!lightGbm.Available && families.Remove(TrainerKind.LightGbm))
        {
            skipped.Add(new SkippedCandidate(TrainerKind.LightGbm, lightGbm.Reason ?? "LightGbm is not available on this host"));
        }

        var candidates = new List<CandidateConfig>();
        var position = families.ToDictionary(f => f, _ => 0);
        for (int i = 0; candidates.Count < budget && families.Count > 0; i++)
        {
            TrainerKind family = families[i % families.Count];
            IReadOnlyList<IReadOnlyDictionary<string, double>> grid = Grid(family);
            int step = position[family]++;
            if (step >= grid.Count)
            {
                families.Remove(family);
                continue;
            }

            candidates.Add(new CandidateConfig($"c{candidates.Count + 1:D2}", family, grid[step]));
        }

        return new Plan(candidates, skipped);
    }

    static IEnumerable<TrainerKind> Families(ModelTask task) => task == ModelTask.Multiclass
        ? [TrainerKind.LightGbm, TrainerKind.FastTree, TrainerKind.Linear]
        : [TrainerKind.FastTree, TrainerKind.LightGbm, TrainerKind.Linear, TrainerKind.FastForest];

    static IReadOnlyList<IReadOnlyDictionary<string, double>> Grid(TrainerKind family) => family switch
    {
        TrainerKind.FastTree or TrainerKind.LightGbm =>
        [
            Trees(100, 20, 0.2), Trees(200, 8, 0.1), Trees(50, 31, 0.3), Trees(300, 16, 0.05),
        ],
        TrainerKind.FastForest => [Forest(100, 20), Forest(200, 50)],
        TrainerKind.Linear => [Linear(0.01), Linear(0.1), Linear(1)],
        _ => [],
    };

    static IReadOnlyDictionary<string, double> Trees(int trees, int leaves, double learningRate) => new Dictionary<string, double>
    {
        [Hyperparameters.Trees] = trees, [Hyperparameters.Leaves] = leaves, [Hyperparameters.LearningRate] = learningRate,
    };

    static IReadOnlyDictionary<string, double> Forest(int trees, int leaves) => new Dictionary<string, double>
    {
        [Hyperparameters.Trees] = trees, [Hyperparameters.Leaves] = leaves,
    };

    static IReadOnlyDictionary<string, double> Linear(double l2) => new Dictionary<string, double> { [Hyperparameters.L2] = l2 };
}
