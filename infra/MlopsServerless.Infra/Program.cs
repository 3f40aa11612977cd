using MlopsServerless.Infra;
using Pulumi;

return await Deployment.RunAsync(() => MlopsPlatform.CreateAsync(Deployment.Instance.StackName, StackConfig.Load()));
