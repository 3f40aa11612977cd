using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MlopsServerless.Core.Configuration;

namespace MlopsServerless.Functions;

public static class FunctionsServiceCollectionExtensions
{
    /// <summary>Everything the function classes need; the Functions host and the local host both call this.</summary>
    public static IServiceCollection AddMlopsFunctions(this IServiceCollection services, IConfiguration configuration) =>
        services.AddMlopsCore(configuration);
}
