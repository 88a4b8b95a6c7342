using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace SweLancer.GraderNode.Containers;

/// <summary>Finds a node's containers by label and removes them: leftovers of a crashed run, or everything at shutdown.</summary>
public sealed class OrphanReaper(DockerClient docker, string nodeId)
{
    /// <summary>Removes every container of this node (leftovers of a crashed run).</summary>
    public async Task<int> RemoveNodeContainersAsync(CancellationToken cancellation)
    {
        var containers = await docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{ContainerLabels.Node}={nodeId}"] = true },
            },
        }, cancellation);
        foreach (var container in containers)
            await RemoveQuietlyAsync(container.ID);
        return containers.Count;
    }

    public async Task RemoveQuietlyAsync(string id)
    {
        try
        {
            await docker.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true });
        }
        catch (DockerContainerNotFoundException)
        {
        }
        catch (DockerApiException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
        {
            // "removal already in progress"
        }
    }

}
