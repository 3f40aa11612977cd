using System.Text.Json.Serialization;

namespace MlopsServerless.Core.Datasets;

/// <summary>ML.NET trainer families a run can try: gradient-boosted trees (FastTree, LightGbm), a random forest, and a linear model.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TrainerKind>))]
public enum TrainerKind
{
    FastTree,
    LightGbm,
    FastForest,
    Linear,
}
