using System.Text.Json.Serialization;

namespace MlopsServerless.Core.Datasets;

[JsonConverter(typeof(JsonStringEnumConverter<ModelTask>))]
public enum ModelTask
{
    Binary,
    Multiclass,
    Regression,
}
