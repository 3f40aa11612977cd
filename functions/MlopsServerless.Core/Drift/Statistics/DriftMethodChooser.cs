using MlopsServerless.Core.Datasets;

namespace MlopsServerless.Core.Drift.Statistics;

/// <summary>
/// The default method for a column, as Evidently chooses it (<c>_get_default_stattest</c>), from the column's kind, how
/// many reference values it has and how many distinct values the reference and current samples hold together:
/// <list type="table">
/// <item><term>≤ 1000 reference values</term><description>numeric with more than 5 distinct values: <see cref="DriftMethod.Ks"/>;
/// categorical, boolean, or numeric with at most 5 values: <see cref="DriftMethod.ChiSquare"/>, or
/// <see cref="DriftMethod.Z"/> when there are at most 2.</description></item>
/// <item><term>&gt; 1000 reference values</term><description>numeric with more than 5 distinct values:
/// <see cref="DriftMethod.Wasserstein"/>; otherwise <see cref="DriftMethod.JensenShannon"/>.</description></item>
/// </list>
/// A method named for the column in model.json is used instead, except where it cannot apply: a z-test on more than two
/// values is a chi-squared test, and KS or Wasserstein on a column that is not numeric falls back to the default.
/// </summary>
public static class DriftMethodChooser
{
    public const int SmallReference = 1000;
    public const int FewValues = 5;

    public static DriftMethod Choose(ColumnKind kind, int referenceCount, int distinctValues, DriftMethod? requested = null)
    {
        bool discrete = kind != ColumnKind.Numeric || distinctValues <= FewValues;
        if (requested is { } method && !(method.NeedsNumbers() && kind != ColumnKind.Numeric))
        {
            return method == DriftMethod.Z && distinctValues > 2 ? DriftMethod.ChiSquare : method;
        }

        return referenceCount <= SmallReference
            ? discrete ? distinctValues > 2 ? DriftMethod.ChiSquare : DriftMethod.Z : DriftMethod.Ks
            : discrete ? DriftMethod.JensenShannon : DriftMethod.Wasserstein;
    }
}
