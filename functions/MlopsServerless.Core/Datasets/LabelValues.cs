using System.Globalization;

namespace MlopsServerless.Core.Datasets;

/// <summary>How label cells are read for each task.</summary>
public static class LabelValues
{
    const int MaxClasses = 100;
    const int MaxIntegerClassesWhenInferring = 10;

    public static bool TryParseBinary(string value, out bool label)
    {
        switch (value.Trim().ToLowerInvariant())
        {
            case "1" or "true" or "yes":
                label = true;
                return true;
            case "0" or "false" or "no":
                label = false;
                return true;
            default:
                label = false;
                return false;
        }
    }

    public static bool TryParseNumber(string value, out float number) =>
        float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && float.IsFinite(number);

    /// <summary>Binary when every label is a yes/no token; regression when numeric with fractions or many values; else multiclass.</summary>
    public static ModelTask InferTask(IReadOnlyCollection<string> labels)
    {
        var distinct = labels.Where(l => l.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (distinct.Count is > 0 and <= 2 && distinct.All(l => TryParseBinary(l, out _)))
        {
            return ModelTask.Binary;
        }

        if (distinct.All(l => TryParseNumber(l, out _)))
        {
            bool allIntegers = distinct.All(l => TryParseNumber(l, out float n) && n == MathF.Round(n));
            return allIntegers && distinct.Count <= MaxIntegerClassesWhenInferring ? ModelTask.Multiclass : ModelTask.Regression;
        }

        return ModelTask.Multiclass;
    }

    /// <summary>The label in its normalised form, or null with the problem.</summary>
    public static string? Normalise(ModelTask task, string value, out string? problem)
    {
        problem = null;
        switch (task)
        {
            case ModelTask.Binary when TryParseBinary(value, out bool b):
                return b ? "true" : "false";
            case ModelTask.Binary:
                problem = $"'{value}' is not a binary label (use 0/1, true/false or yes/no)";
                return null;
            case ModelTask.Regression when TryParseNumber(value, out float n):
                return n.ToString("R", CultureInfo.InvariantCulture);
            case ModelTask.Regression:
                problem = $"'{value}' is not a number";
                return null;
            default:
                return value;
        }
    }

    public static IEnumerable<string> CheckClasses(ModelTask task, IReadOnlyCollection<string> normalisedLabels)
    {
        int classes = normalisedLabels.Distinct(StringComparer.Ordinal).Count();
        if (task is ModelTask.Binary or ModelTask.Multiclass && classes < 2)
        {
            yield return $"the label has {classes} distinct value(s); a {task.ToString().ToLowerInvariant()} model needs at least two";
        }

        if (task == ModelTask.Multiclass && classes > MaxClasses)
        {
            yield return $"the label has {classes} distinct values; at most {MaxClasses} classes are supported";
        }
    }
}
