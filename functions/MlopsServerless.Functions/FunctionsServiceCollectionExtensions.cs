using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MlopsServerless.Core.Configuration;
using MlopsServerless.Functions.Health;

namespace MlopsServerless.Functions;

public static class FunctionsServiceCollectionExtensions
{
    /// <summary>Everything the function classes need; the Functions host and the local host both call this.</summary>
    public static IServiceCollection AddMlopsFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        // HTTP answers leave out what does not apply (a regression prediction has no probability, and so on).
        services.Configure<JsonOptions>(options =>
            options.JsonSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull);
        services.AddHostedService<NativeLibraryStartupCheck>();
        return services.AddMlopsCore(configuration);
    }
}
