using MlopsServerless.Core.Datasets;
using Kind = MlopsServerless.Core.Datasets.ColumnKind;

namespace MlopsServerless.Core.Tests.Datasets;

/// <summary>Every file of Datasets/Corpus with its expected outcome (the files: Corpus/generate.py).</summary>
public static class CorpusCases
{
    public static IReadOnlyList<CorpusCase> All { get; } =
    [
        Trains("semicolon-decimal-comma.csv", ModelTask.Binary,
            Feature("temperatur", Kind.Numeric), Feature("luftfeuchte", Kind.Numeric), Feature("wind_kmh", Kind.Numeric), Feature("region", Kind.Categorical),
            Label("regen", Kind.Boolean)) with { Dialect = new(';', true) },
        Trains("tab-separated.csv", ModelTask.Regression,
            Feature("sqft", Kind.Numeric), Feature("bedrooms", Kind.Numeric), Feature("neighborhood", Kind.Categorical), Feature("year_built", Kind.Numeric),
            Label("price", Kind.Numeric)) with { Dialect = new('\t', false) },
        Trains("tab-decimal-comma.csv", ModelTask.Regression,
            Feature("laenge_cm", Kind.Numeric), Feature("breite_cm", Kind.Numeric), Feature("material", Kind.Categorical),
            Label("gewicht_g", Kind.Numeric)) with { Dialect = new('\t', true) },
        Trains("quoted-fields.csv", ModelTask.Binary,
            Feature("city", Kind.Categorical), LeftOut("notes", Kind.FreeText), Feature("visits", Kind.Numeric), Feature("spend", Kind.Numeric),
            Label("returned", Kind.Boolean)) with { LabelledRows = 80 },
        Trains("bom.csv", ModelTask.Binary,
            Feature("age", Kind.Numeric), Feature("income", Kind.Numeric), Feature("segment", Kind.Categorical), Label("defaulted", Kind.Boolean)),
        Trains("crlf.csv", ModelTask.Binary,
            Feature("x1", Kind.Numeric), Feature("x2", Kind.Numeric), Feature("colour", Kind.Categorical), Label("outcome", Kind.Boolean)),
        Trains("excel-bom-crlf-semicolon.csv", ModelTask.Regression,
            Feature("Preis", Kind.Numeric), Feature("Menge", Kind.Numeric), Feature("Rabatt", Kind.Categorical),
            Label("Steuer", Kind.Numeric)) with { Dialect = new(';', true) },
        Trains("missing-tokens.csv", ModelTask.Binary,
            Feature("reading", Kind.Numeric, missing: 14), Feature("sensor", Kind.Categorical, missing: 7), Feature("calibrated", Kind.Boolean, missing: 4),
            Label("fault", Kind.Boolean)),
        Trains("numeric-30pct-empty.csv", ModelTask.Binary,
            Feature("tenure", Kind.Numeric), Feature("monthly_charges", Kind.Numeric), Feature("discount", Kind.Numeric, missing: 30),
            Label("churn", Kind.Boolean)),
        Trains("label-with-empty-cells.csv", ModelTask.Binary,
            Feature("x1", Kind.Numeric), Feature("x2", Kind.Numeric), Label("label", Kind.Boolean, missing: 12)) with { LabelledRows = 88 },
        Trains("leading-unnamed-index.csv", ModelTask.Multiclass,
            LeftOut("column1", Kind.Identifier), Feature("sepal_length", Kind.Numeric), Feature("sepal_width", Kind.Numeric),
            Feature("petal_length", Kind.Numeric), Feature("petal_width", Kind.Numeric), Label("species", Kind.Categorical)),
        Trains("identifier-column.csv", ModelTask.Binary,
            LeftOut("customer_id", Kind.Identifier), LeftOut("order_id", Kind.Identifier), LeftOut("order_date", Kind.Date), Feature("region", Kind.Categorical),
            Feature("basket_size", Kind.Numeric), Feature("amount", Kind.Numeric), Label("repeat_buyer", Kind.Boolean)),
        Trains("free-text-column.csv", ModelTask.Binary,
            Feature("rating", Kind.Numeric), Feature("helpful_votes", Kind.Numeric), LeftOut("review", Kind.FreeText), Feature("verified", Kind.Boolean),
            Label("recommended", Kind.Boolean)),
        Trains("text-class-label.csv", ModelTask.Multiclass,
            Feature("island", Kind.Categorical), Feature("bill_length_mm", Kind.Numeric), Feature("bill_depth_mm", Kind.Numeric),
            Feature("flipper_length_mm", Kind.Numeric), Feature("body_mass_g", Kind.Numeric), Feature("sex", Kind.Categorical, missing: 30),
            Label("species", Kind.Categorical)),
        Trains("boolean-spellings.csv", ModelTask.Binary,
            Feature("is_member", Kind.Boolean), Feature("has_card", Kind.Boolean), Feature("newsletter", Kind.Boolean), Feature("opted_in", Kind.Boolean),
            Feature("paperless", Kind.Boolean), Feature("spend", Kind.Numeric), Label("churned", Kind.Boolean)),
        Trains("all-empty-column.csv", ModelTask.Binary,
            Feature("a", Kind.Numeric), Feature("b", Kind.Numeric), LeftOut("notes", Kind.Empty, missing: 80), LeftOut("source", Kind.Constant),
            Label("label", Kind.Boolean)),
        Trains("text-label-last-with-empty-cells.csv", ModelTask.Multiclass,
            Feature("weight_g", Kind.Numeric), Feature("colour_score", Kind.Numeric), Feature("origin", Kind.Categorical, missing: 15),
            Label("grade", Kind.Categorical, missing: 12)) with { LabelledRows = 108 },
        Trains("listings-name-last-labelled.csv", ModelTask.Regression,
            Feature("sqft", Kind.Numeric), Feature("bedrooms", Kind.Numeric), Feature("neighborhood", Kind.Categorical), Label("price", Kind.Numeric),
            LeftOut("listing_name", Kind.FreeText)),

        Rejected("listings-name-last.csv", new("listing_name", null, "'listing_name' cannot be the label: it is free text",
            "columns that could be the label: sqft, bedrooms, neighborhood, price", """{"labelColumn": "price"}""")),
        Rejected("binary-junk.csv", new(null, null, "the file is binary")),
        Rejected("json-named.csv", new(null, null, "the file is JSON")),
        Rejected("windows-1252.csv", new("city", 4, "is not UTF-8 text", "CSV UTF-8")),
        Rejected("ragged-row.csv", new(null, 38, "has 5 cells; the header has 4")),
        Rejected("unclosed-quote.csv", new(null, 21, "closing quote")),
        Rejected("duplicate-header.csv", new("Age", 1, "appears more than once")),
        Rejected("declared-numeric-with-text.csv", new("dosage_mg", 33, "'12 mg' is not a number")),
        Rejected("binary-label-bad-token.csv", new("label", 44, "'maybe' is not a binary label")),
        Rejected("numeric-with-typo.csv", new("bmi", 27, "'3o.5' is not a number")),
    ];

    public static CorpusCase Of(string file) => All.Single(c => c.File == file);

    static CorpusCase Trains(string file, ModelTask task, params ExpectedColumn[] columns) => new(file, task, columns, null);

    static CorpusCase Rejected(string file, ExpectedError error) => new(file, null, [], error);

    static ExpectedColumn Feature(string name, ColumnKind kind, int? missing = null) => new(name, kind, ColumnReport.FeatureRole, missing);

    static ExpectedColumn LeftOut(string name, ColumnKind kind, int? missing = null) => new(name, kind, ColumnReport.LeftOutRole, missing);

    static ExpectedColumn Label(string name, ColumnKind kind, int? missing = null) => new(name, kind, ColumnReport.LabelRole, missing);
}
