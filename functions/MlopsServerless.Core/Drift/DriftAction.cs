using System.Text.Json.Serialization;

namespace MlopsServerless.Core.Drift;

/// <summary>
/// What the drift monitor does when a champion's report shows drift or a health drop (model.json <c>driftAction</c>):
/// <see cref="Alert"/> only, or <see cref="Retrain"/> on labelled data newer than the champion's, alerting when there is none.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<DriftAction>))]
public enum DriftAction
{
    [JsonStringEnumMemberName("alert")] Alert,
    [JsonStringEnumMemberName("retrain")] Retrain,
}
