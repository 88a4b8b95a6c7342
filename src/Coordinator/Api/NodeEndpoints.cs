using Akka.Actor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SweLancer.Coordinator.Api;

/// <summary>GET /api/nodes: the cluster's members and each grader's pool use.</summary>
public static class NodeEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ActorSystem system)
    {
        var nodes = new ClusterNodes(system);
        app.MapGet("/api/nodes", async (CancellationToken ct) => Results.Ok(new { nodes = await nodes.ListAsync(ct) }));
    }
}
