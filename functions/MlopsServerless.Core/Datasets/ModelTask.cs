namespace MlopsServerless.Core.Datasets;

public enum ModelTask
{
    Binary,
    Multiclass,
    Regression,
}
