using MlopsServerless.Configuration;
using Pulumi;
using Pulumi.AzureNative.Storage;
using Pulumi.AzureNative.Storage.Inputs;

namespace MlopsServerless.Infra;

public sealed record DataStorageArgs(Input<string> ResourceGroupName, Input<string> Location, string AccountName);

/// <summary>
/// The one storage account: the app's containers and tables (<see cref="StorageNames"/>), the Functions host's own
/// storage and the Flex Consumption deployment container. Entra ID only: no shared keys, no public blobs.
/// </summary>
public sealed class DataStorage : ComponentResource
{
    public Output<string> AccountId { get; }
    public Output<string> AccountName { get; }

    /// <summary>URL of <see cref="ResourceNames.DeploymentContainer"/>, where Flex Consumption reads the app package.</summary>
    public Output<string> DeploymentContainerUrl { get; }

    /// <summary>The app's containers (<see cref="StorageNames.Containers.All"/>).</summary>
    public IReadOnlyList<BlobContainer> Containers { get; }
    public IReadOnlyList<Table> Tables { get; }

    public DataStorage(string name, DataStorageArgs args, ComponentResourceOptions? options = null)
        : base("mlops:platform:DataStorage", name, options)
    {
        var child = new CustomResourceOptions { Parent = this };

        var account = new StorageAccount(args.AccountName, new StorageAccountArgs
        {
            AccountName = args.AccountName,
            ResourceGroupName = args.ResourceGroupName,
            Location = args.Location,
            Kind = Kind.StorageV2,
            Sku = new SkuArgs { Name = SkuName.Standard_LRS },
            MinimumTlsVersion = MinimumTlsVersion.TLS1_2,
            EnableHttpsTrafficOnly = true,
            AllowBlobPublicAccess = false,
            AllowSharedKeyAccess = false,
            DefaultToOAuthAuthentication = true,
        }, child);

        BlobContainer NewContainer(string container) => new(container, new BlobContainerArgs
        {
            ContainerName = container,
            AccountName = account.Name,
            ResourceGroupName = args.ResourceGroupName,
            PublicAccess = PublicAccess.None,
        }, child);

        Containers = StorageNames.Containers.All.Select(NewContainer).ToList();
        var deploymentContainer = NewContainer(ResourceNames.DeploymentContainer);

        Tables = StorageNames.Tables.All
            .Select(table => new Table(table, new TableArgs
            {
                TableName = table,
                AccountName = account.Name,
                ResourceGroupName = args.ResourceGroupName,
            }, child))
            .ToList();

        AccountId = account.Id;
        AccountName = account.Name;
        DeploymentContainerUrl = Output.Tuple(account.Name, deploymentContainer.Name).Apply(names =>
            $"{StorageConnectionSettings.ForAccount(names.Item1)[SettingKeys.StorageBlobServiceUri]}/{names.Item2}");

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["accountId"] = AccountId,
            ["deploymentContainerUrl"] = DeploymentContainerUrl,
        });
    }
}
