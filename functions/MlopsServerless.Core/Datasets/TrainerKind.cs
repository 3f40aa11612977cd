namespace MlopsServerless.Core.Datasets;

public enum TrainerKind
{
    FastTree,
    LightGbm,
}
