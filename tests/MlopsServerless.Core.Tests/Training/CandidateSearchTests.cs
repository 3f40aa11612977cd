using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Tests.Training;

public sealed class CandidateSearchTests
{
    [Theory]
    [InlineData(ModelTask.Binary)]
    [InlineData(ModelTask.Regression)]
    [InlineData(ModelTask.Multiclass)]
    public void Create_DefaultBudget_TriesAtLeastThreeFamiliesWithDistinctIds(ModelTask task)
    {
        CandidateSearch.Plan plan = CandidateSearch.Create(task, null, 6, NativeLibraryStatus.Loaded);

        Assert.Equal(6, plan.Candidates.Count);
        Assert.True(plan.Candidates.Select(c => c.Trainer).Distinct().Count() >= 3);
        Assert.Equal(plan.Candidates.Count, plan.Candidates.Select(c => c.Id).Distinct().Count());
        Assert.Equal(plan.Candidates.Count, plan.Candidates.Select(c => c.ToString()[4..]).Distinct().Count());
    }

    [Fact]
    public void Create_SameInputs_SameCandidates()
    {
        Assert.Equal(CandidateSearch.Create(ModelTask.Binary, null, 8, NativeLibraryStatus.Loaded).Candidates,
            CandidateSearch.Create(ModelTask.Binary, null, 8, NativeLibraryStatus.Loaded).Candidates);
    }

    [Fact]
    public void Create_TrainerRequested_OnlyThatFamilyThroughItsGrid()
    {
        CandidateSearch.Plan plan = CandidateSearch.Create(ModelTask.Regression, TrainerKind.FastTree, 3, NativeLibraryStatus.Loaded);

        Assert.All(plan.Candidates, c => Assert.Equal(TrainerKind.FastTree, c.Trainer));
        Assert.Equal(3, plan.Candidates.Select(c => c.Hyperparameters[Hyperparameters.Trees]).Count());
    }

    [Fact]
    public void Create_LightGbmUnavailable_SkipsItWithTheReason()
    {
        CandidateSearch.Plan plan = CandidateSearch.Create(ModelTask.Binary, null, 6, new NativeLibraryStatus(false, "libgomp.so.1 is missing"));

        Assert.DoesNotContain(plan.Candidates, c => c.Trainer == TrainerKind.LightGbm);
        Assert.Equal("libgomp.so.1 is missing", Assert.Single(plan.Skipped).Reason);
        Assert.Equal(6, plan.Candidates.Count);
    }

    [Fact]
    public void Create_BudgetLargerThanEveryGrid_StopsWhenTheGridsRunOut()
    {
        CandidateSearch.Plan plan = CandidateSearch.Create(ModelTask.Binary, TrainerKind.FastForest, 50, NativeLibraryStatus.Loaded);

        Assert.Equal(2, plan.Candidates.Count);
    }
}
