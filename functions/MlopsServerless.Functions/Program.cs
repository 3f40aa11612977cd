using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using MlopsServerless.Functions;
using MlopsServerless.Functions.Telemetry;

FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddMlopsFunctions(builder.Configuration);
builder.Services.AddMlopsTelemetry(builder.Configuration, functionsWorker: true);
builder.Build().Run();
