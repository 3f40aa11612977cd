using MlopsServerless.Core.Registry;
using MlopsServerless.Functions.Health;

namespace MlopsServerless.Functions.Models;

/// <summary>The answer of <c>GET /api/models</c>: every model's champion, and what this host can train and serve.</summary>
public sealed record ModelList(IReadOnlyList<Champion> Models, HostHealth Health);
