using MlopsServerless.TestSupport;

namespace MlopsServerless.LocalHost.Tests;

/// <summary>One Azurite for the test classes that need one; they isolate by task hub name.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
