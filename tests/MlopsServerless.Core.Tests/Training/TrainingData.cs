using MlopsServerless.Core.Configuration;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Demo;
using MlopsServerless.Core.Tests.Datasets;

namespace MlopsServerless.Core.Tests.Training;

internal static class TrainingData
{
    public static PreparedDataset Demo(int rows, int seed, ModelTask task = ModelTask.Binary, TrainerKind? trainer = null)
    {
        var document = trainer is null ? null : new ModelSpecDocument { Trainer = trainer };
        DatasetValidator.Result result = new DatasetValidator().Validate(
            Csv.Read(new DemoDataset(rows, seed, Task: task).ToCsv()), document, new TrainingOptions());
        return result.Dataset ?? throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Message)));
    }
}
