using MlopsServerless.LocalHost.Durable;

namespace MlopsServerless.LocalHost.Tests.Durable;

public sealed class DurableFunctionCatalogTests
{
    [Fact]
    public void Discover_SampleFunctions_FindsOrchestratorsAndActivitiesByFunctionName()
    {
        DurableFunctionCatalog catalog = DurableFunctionCatalog.Discover(typeof(GreetingWorkflow).Assembly);

        Assert.Equal(
            [nameof(FanOutWorkflow.FanOutThroughTurnstile), nameof(GreetingWorkflow.Greet), nameof(GateWorkflow.PassThroughGate)],
            catalog.Orchestrators.Select(function => function.Name).Order());
        Assert.Equal(
            [nameof(TurnstileActivities.PassTurnstile), nameof(GreetingActivities.Repeat), nameof(GreetingActivities.Shout), nameof(GateActivities.WaitAtGate)],
            catalog.Activities.Select(function => function.Name).Order());
    }

    [Fact]
    public void Discover_SampleActivities_TakesInputAndOutputTypesFromTheSignature()
    {
        DurableFunctionCatalog catalog = DurableFunctionCatalog.Discover(typeof(GreetingWorkflow).Assembly);

        FunctionMethod repeat = catalog.Activities.Single(function => function.Name == nameof(GreetingActivities.Repeat));
        FunctionMethod shout = catalog.Activities.Single(function => function.Name == nameof(GreetingActivities.Shout));

        Assert.Equal((typeof(GreetingRequest), typeof(Greeting)), (repeat.Parameters[0].ParameterType, repeat.OutputType));
        Assert.Equal((typeof(string), typeof(string)), (shout.Parameters[0].ParameterType, shout.OutputType));
    }

    [Fact]
    public void Discover_FunctionsApp_AcceptsEveryOrchestratorAndActivitySignature()
    {
        DurableFunctionCatalog catalog = DurableFunctionCatalog.Discover(FunctionAssembly.MlopsFunctions.Assembly);

        Assert.NotEmpty(catalog.Orchestrators);
        Assert.NotEmpty(catalog.Activities);
    }
}
