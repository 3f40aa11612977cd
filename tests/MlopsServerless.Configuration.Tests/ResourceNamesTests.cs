using System.Text.RegularExpressions;
using MlopsServerless.Configuration;

namespace MlopsServerless.Configuration.Tests;

public class ResourceNamesTests
{
    [Theory]
    [InlineData("abc", "dev")]
    [InlineData("mlopsdemo", "prod")]
    [InlineData("abcdefghijkl", "production-eu-west")]
    public void For_StorageAccountName_IsValidForAzure(string prefix, string stack) =>
        Assert.Matches("^[a-z0-9]{3,24}$", ResourceNames.For(prefix, stack).StorageAccount);

    [Theory]
    [InlineData("abc", "dev")]
    [InlineData("abcdefghijkl", "production-eu-west")]
    public void For_OtherNames_AreLowercaseLettersDigitsAndHyphens(string prefix, string stack) =>
        Assert.All(ResourceNames.For(prefix, stack).All.Values, name => Assert.Matches("^[a-z][a-z0-9-]{1,58}[a-z0-9]$", name));

    [Fact]
    public void For_StackNameWithSymbols_UsesItsLettersAndDigits()
    {
        var names = ResourceNames.For("mlopsdemo", "Prod-EU");

        Assert.Equal("func-mlopsdemo-prodeu", names.FunctionApp);
        Assert.Equal("stmlopsdemoprodeu", names.StorageAccount);
    }

    [Fact]
    public void For_DifferentStacks_ShareNoName()
    {
        var dev = ResourceNames.For("mlopsdemo", "dev").All.Values;
        var prod = ResourceNames.For("mlopsdemo", "prod").All.Values;

        Assert.Empty(dev.Intersect(prod));
    }

    [Fact]
    public void For_StackNameWithoutLettersOrDigits_Throws() =>
        Assert.Throws<ArgumentException>(() => ResourceNames.For("mlopsdemo", "--"));

    [Fact]
    public void DeploymentContainer_IsAValidContainerTheAppDoesNotUse()
    {
        Assert.Matches(new Regex("^[a-z0-9](-?[a-z0-9])+$"), ResourceNames.DeploymentContainer);
        Assert.DoesNotContain(ResourceNames.DeploymentContainer, StorageNames.Containers.All);
    }
}
