using MlopsServerless.Infra;
using Pulumi;

return await Deployment.RunAsync(() => MlopsPlatform.Create(Deployment.Instance.StackName, StackConfig.Load()));
