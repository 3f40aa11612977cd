using System.Text.Json.Serialization;

namespace MlopsServerless.Core.Datasets;

[JsonConverter(typeof(JsonStringEnumConverter<TrainerKind>))]
public enum TrainerKind
{
    FastTree,
    LightGbm,
}
