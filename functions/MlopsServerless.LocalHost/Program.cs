using MlopsServerless.LocalHost;

await LocalHostBuilder.Build(args).RunAsync();
