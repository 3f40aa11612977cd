using System.Text.RegularExpressions;
using MlopsServerless.Configuration;
using MlopsServerless.Configuration.Tests.Support;

namespace MlopsServerless.Configuration.Tests;

public class ResourceNamesTests
{
    const string Subscription = "3f2a9c1e-0000-4000-8000-0000000000aa";
    const string OtherSubscription = "7b5d2e40-0000-4000-8000-0000000000bb";

    public static TheoryData<string, string> PrefixesAndStacks() => new()
    {
        { "abc", "dev" },
        { "mlopsdemo", "prod" },
        { "abcdefghijkl", "dev" },
        { "abcdefghijkl", "production-eu-west-with-a-very-long-stack-name-that-pulumi-still-accepts-as-a-stack-name-0001" },
        { "mlopsdemo", "Prod_EU.2" },
    };

    [Theory]
    [MemberData(nameof(PrefixesAndStacks))]
    public void For_EveryName_MeetsAzuresRulesForItsResource(string prefix, string stack)
    {
        var names = ResourceNames.For(prefix, stack, Subscription).All;

        Assert.Equal(AzureNameRules.ByResource.Keys.Order(), names.Keys.Order());
        Assert.All(names, name => Assert.Matches(AzureNameRules.ByResource[name.Key], name.Value));
    }

    [Theory]
    [MemberData(nameof(PrefixesAndStacks))]
    public void For_FunctionAppName_FitsTheHostIdWhole(string prefix, string stack) =>
        Assert.InRange(ResourceNames.For(prefix, stack, Subscription).FunctionApp.Length, 2, 32);

    [Theory]
    [MemberData(nameof(PrefixesAndStacks))]
    public void For_EveryName_EndsWithTheSuffix(string prefix, string stack)
    {
        var suffix = ResourceNames.Suffix(Subscription, stack);

        Assert.All(ResourceNames.For(prefix, stack, Subscription).All.Values, name => Assert.EndsWith(suffix, name, StringComparison.Ordinal));
    }

    [Fact]
    public void For_CommittedPrefixInTwoSubscriptions_GivesDifferentGlobalNames()
    {
        var mine = ResourceNames.For("mlopsdemo", "dev", Subscription);
        var theirs = ResourceNames.For("mlopsdemo", "dev", OtherSubscription);

        Assert.NotEqual(mine.StorageAccount, theirs.StorageAccount);
        Assert.NotEqual(mine.FunctionApp, theirs.FunctionApp);
    }

    [Fact]
    public void For_SameSubscriptionAndStack_IsStable() =>
        Assert.Equal(
            ResourceNames.For("mlopsdemo", "dev", Subscription),
            ResourceNames.For("mlopsdemo", "dev", Subscription.ToUpperInvariant()));

    [Fact]
    public void For_CommittedDevStack_KeepsItsReadableShape()
    {
        var suffix = ResourceNames.Suffix(Subscription, "dev");

        var names = ResourceNames.For("mlopsdemo", "dev", Subscription);

        Assert.Equal($"func-mlopsdemo-dev-{suffix}", names.FunctionApp);
        Assert.Equal($"stmlopsdemodev{suffix}", names.StorageAccount);
        Assert.Equal($"rg-mlopsdemo-dev-{suffix}", names.ResourceGroup);
    }

    [Fact]
    public void For_StacksCutToTheSameLetters_StillShareNoName()
    {
        var a = ResourceNames.For("abcdefghijkl", "production-a", Subscription).All.Values;
        var b = ResourceNames.For("abcdefghijkl", "production-b", Subscription).All.Values;

        Assert.Empty(a.Intersect(b));
    }

    [Fact]
    public void For_DifferentStacks_ShareNoName() =>
        Assert.Empty(ResourceNames.For("mlopsdemo", "dev", Subscription).All.Values
            .Intersect(ResourceNames.For("mlopsdemo", "prod", Subscription).All.Values));

    [Fact]
    public void For_StackNameWithoutLettersOrDigits_Throws() =>
        Assert.Throws<ArgumentException>(() => ResourceNames.For("mlopsdemo", "--", Subscription));

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Suffix_WithoutSubscription_Throws(string subscription) =>
        Assert.Throws<ArgumentException>(() => ResourceNames.Suffix(subscription, "dev"));

    [Fact]
    public void Suffix_IsSixLowercaseHexDigits() =>
        Assert.Matches("^[0-9a-f]{6}$", ResourceNames.Suffix(Subscription, "dev"));

    [Fact]
    public void DeploymentContainer_IsAValidContainerTheAppDoesNotUse()
    {
        Assert.Matches(new Regex("^[a-z0-9](-?[a-z0-9])+$"), ResourceNames.DeploymentContainer);
        Assert.DoesNotContain(ResourceNames.DeploymentContainer, StorageNames.Containers.All);
    }
}
