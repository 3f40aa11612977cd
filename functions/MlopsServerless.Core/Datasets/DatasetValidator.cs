using MlopsServerless.Core.Configuration;
using MlopsServerless.Core.Datasets.Csv;
using MlopsServerless.Core.Datasets.Inference;

namespace MlopsServerless.Core.Datasets;

/// <summary>
/// Validates an upload in one streaming pass: refuses what is not a delimited text file, reads the structure and the
/// statistics of every column, then resolves the spec (declared in model.json or inferred). Holds no rows.
/// </summary>
public sealed class DatasetValidator
{
    public async Task<ValidationResult> ValidateAsync(Stream content, ModelSpecDocument? document, TrainingOptions options,
        CancellationToken cancellationToken)
    {
        bool specInferred = document?.LabelColumn is null || document.Task is null || document.FeatureColumns is null;
        (Stream csv, string? notCsv) = await CsvContent.SniffAsync(content, cancellationToken);
        if (notCsv is not null)
        {
            return ValidationResult.Rejected(new ValidationIssue(notCsv), specInferred);
        }

        var missingValues = MissingValues.With(options.ExtraMissingValues.Concat(document?.MissingValues ?? []));
        int distinctCap = Math.Max(options.MaxCategories, LabelChoice.MaxClasses) + 1;
        DatasetScan scan = await Task.Run(() => DatasetScan.Read(csv, missingValues, distinctCap), cancellationToken);

        ValidationIssue? structural = scan switch
        {
            { Header.Count: 0 } => new ValidationIssue("the file is empty: expected a header row and data rows"),
            { StructureErrors.Count: > 0 } => null,
            { RowCount: 0 } => new ValidationIssue("the file has a header but no data rows"),
            _ => null,
        };
        if (structural is not null || scan.StructureErrors.Count > 0)
        {
            IReadOnlyList<ValidationIssue> errors = structural is null ? scan.StructureErrors : [structural];
            return new ValidationResult(errors, [], null, specInferred, scan.Dialect, [], scan.RowCount, 0);
        }

        return new SpecResolver(options).Resolve(scan, document);
    }
}
