using Xunit;

namespace MlopsServerless.TestSupport;

/// <summary>One Azurite for a whole test assembly (each test assembly declares its own collection of it). Tests isolate by unique names.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    AzuriteInstance? _azurite;

    public string ConnectionString => _azurite?.ConnectionString
        ?? throw new InvalidOperationException("Azurite has not started.");

    public async Task InitializeAsync() => _azurite = await AzuriteInstance.StartAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
