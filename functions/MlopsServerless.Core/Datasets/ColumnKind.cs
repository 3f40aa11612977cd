using System.Text.Json.Serialization;

namespace MlopsServerless.Core.Datasets;

/// <summary>
/// What a column holds. <see cref="Numeric"/>, <see cref="Boolean"/> and <see cref="Categorical"/> can be features;
/// the others are left out of the model (with a warning when inferred). <see cref="Ignore"/> is only ever declared.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ColumnKind>))]
public enum ColumnKind
{
    Numeric,
    Boolean,
    Categorical,
    Identifier,
    FreeText,
    Date,
    Constant,
    Empty,
    Ignore,
}

public static class ColumnKinds
{
    public static bool IsFeature(this ColumnKind kind) => kind is ColumnKind.Numeric or ColumnKind.Boolean or ColumnKind.Categorical;
}
