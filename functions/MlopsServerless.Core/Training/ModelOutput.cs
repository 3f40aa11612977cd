using Microsoft.ML;
using Microsoft.ML.Data;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Serving;

namespace MlopsServerless.Core.Training;

/// <summary>Reads a model's output row as a <see cref="Prediction"/>: the same for a batch cursor and a single scored row.</summary>
internal static class ModelOutput
{
    public static IEnumerable<DataViewSchema.Column> Columns(DataViewSchema schema, ModelTask task) => task switch
    {
        ModelTask.Binary => [schema[MlRows.PredictedLabel], schema[MlRows.Probability]],
        ModelTask.Regression => [schema[MlRows.Score]],
        _ => [schema[MlRows.PredictedClass], schema[MlRows.Score]],
    };

    public static Func<Prediction> Reader(DataViewRow row, ModelTask task)
    {
        switch (task)
        {
            case ModelTask.Binary:
            {
                ValueGetter<bool> label = row.GetGetter<bool>(row.Schema[MlRows.PredictedLabel]);
                ValueGetter<float> probability = row.GetGetter<float>(row.Schema[MlRows.Probability]);
                return () =>
                {
                    bool predicted = false;
                    float p = 0;
                    label(ref predicted);
                    probability(ref p);
                    return new Prediction { PredictedLabel = predicted, Probability = p };
                };
            }

            case ModelTask.Regression:
            {
                ValueGetter<float> score = row.GetGetter<float>(row.Schema[MlRows.Score]);
                return () =>
                {
                    float value = 0;
                    score(ref value);
                    return new Prediction { Value = value };
                };
            }

            default:
            {
                string[] classes = ClassNames(row.Schema);
                ValueGetter<ReadOnlyMemory<char>> predictedClass = row.GetGetter<ReadOnlyMemory<char>>(row.Schema[MlRows.PredictedClass]);
                ValueGetter<VBuffer<float>> scores = row.GetGetter<VBuffer<float>>(row.Schema[MlRows.Score]);
                return () =>
                {
                    ReadOnlyMemory<char> name = default;
                    VBuffer<float> values = default;
                    predictedClass(ref name);
                    scores(ref values);
                    float[] dense = values.DenseValues().ToArray();
                    return new Prediction
                    {
                        PredictedClass = name.ToString(),
                        ClassScores = classes.Zip(dense).ToDictionary(p => p.First, p => (double)p.Second),
                    };
                };
            }
        }
    }

    /// <summary>Scores every row of <paramref name="input"/> in order.</summary>
    public static IReadOnlyList<Prediction> ScoreAll(ITransformer model, IDataView input, ModelTask task)
    {
        IDataView scored = model.Transform(input);
        using DataViewRowCursor cursor = scored.GetRowCursor(Columns(scored.Schema, task));
        Func<Prediction> read = Reader(cursor, task);
        var predictions = new List<Prediction>();
        while (cursor.MoveNext())
        {
            predictions.Add(read());
        }

        return predictions;
    }

    static string[] ClassNames(DataViewSchema schema)
    {
        VBuffer<ReadOnlyMemory<char>> names = default;
        schema[MlRows.Score].GetSlotNames(ref names);
        return names.DenseValues().Select(name => name.ToString()).ToArray();
    }
}
