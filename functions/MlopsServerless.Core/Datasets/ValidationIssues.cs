namespace MlopsServerless.Core.Datasets;

/// <summary>
/// Collects errors and warnings, keeping the first few of a kind (same column and message shape) and one line that
/// says more were found, so a report of a million bad rows stays readable.
/// </summary>
public sealed class ValidationIssues
{
    const int MaxPerKind = 20;

    readonly List<ValidationIssue> _errors = [];
    readonly List<ValidationIssue> _warnings = [];
    readonly Dictionary<string, int> _perKind = new(StringComparer.Ordinal);

    public IReadOnlyList<ValidationIssue> Errors => _errors;
    public IReadOnlyList<ValidationIssue> Warnings => _warnings;
    public bool HasErrors => _errors.Count > 0;

    public void Error(ValidationIssue issue) => Add(_errors, "e", issue);

    public void Warning(ValidationIssue issue) => Add(_warnings, "w", issue);

    void Add(List<ValidationIssue> list, string prefix, ValidationIssue issue)
    {
        string kind = $"{prefix}|{issue.Column}|{(issue.Row is null ? issue.Message : "row")}";
        int seen = _perKind.GetValueOrDefault(kind);
        _perKind[kind] = seen + 1;
        if (seen < MaxPerKind)
        {
            list.Add(issue);
        }
        else if (seen == MaxPerKind)
        {
            list.Add(issue with { Message = "further issues of this kind in this column are not listed", Row = null });
        }
    }
}
