using System.Text.Json.Serialization;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Registry;

/// <summary>One registered model version: its number, its registration (lineage, chosen candidate, model card), when.</summary>
public sealed record ModelVersion(int Version, ModelRegistration Registration, DateTimeOffset RegisteredAt)
{
    [JsonIgnore] public string Model => Registration.Lineage.Model;
    [JsonIgnore] public string RunId => Registration.Lineage.RunId;
    [JsonIgnore] public ModelSpec Spec => Registration.Lineage.Spec;
    [JsonIgnore] public ModelMetrics Metrics => Registration.Card.TestMetrics;
    [JsonIgnore] public string ArtifactBlob => Registration.Chosen.ArtifactBlob;
    [JsonIgnore] public string ReferenceProfileBlob => Registration.Card.ReferenceProfileBlob;
    [JsonIgnore] public string DatasetBlob => Registration.Lineage.DatasetBlob;
    [JsonIgnore] public string DataSha256 => Registration.Lineage.DataSha256;
}
