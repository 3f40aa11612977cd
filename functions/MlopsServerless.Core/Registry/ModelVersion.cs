using System.Text.Json.Serialization;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Registry;

/// <summary>
/// One registered model version: its number, its registration (lineage, chosen candidate, model card), when; and what
/// operators may change about it afterwards: its tags and whether it is archived. A version is never deleted.
/// </summary>
public sealed record ModelVersion(
    int Version,
    ModelRegistration Registration,
    DateTimeOffset RegisteredAt,
    IReadOnlyDictionary<string, string>? Tags = null,
    Archival? Archived = null)
{
    [JsonIgnore] public string Model => Registration.Lineage.Model;
    [JsonIgnore] public string RunId => Registration.Lineage.RunId;
    [JsonIgnore] public ModelSpec Spec => Registration.Lineage.Spec;
    [JsonIgnore] public ModelMetrics Metrics => Registration.Card.TestMetrics;
    [JsonIgnore] public string ArtifactBlob => Registration.Chosen.ArtifactBlob;
    [JsonIgnore] public string ReferenceProfileBlob => Registration.Card.ReferenceProfileBlob;
    [JsonIgnore] public string DatasetBlob => Registration.Lineage.DatasetBlob;
    [JsonIgnore] public string DataSha256 => Registration.Lineage.DataSha256;
    [JsonIgnore] public bool IsArchived => Archived is not null;
}

/// <summary>Who archived a version, when and why. An archived version is kept and readable, but no alias may point at it and it is not served.</summary>
public sealed record Archival(DateTimeOffset At, string By, string Reason);
