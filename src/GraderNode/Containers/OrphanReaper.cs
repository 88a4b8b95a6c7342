using System.Collections.Concurrent;
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

    /// <summary>
    /// Removes the container; when the engine cannot be reached (restarting), it is remembered and removed by
    /// <see cref="RemovePendingAsync"/> once the engine answers again, instead of staying until the node stops.
    /// </summary>
    public async Task RemoveQuietlyAsync(string id)
    {
        try
        {
            await docker.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true });
            _pending.TryRemove(id, out _);
        }
        catch (DockerContainerNotFoundException)
        {
            _pending.TryRemove(id, out _);
        }
        catch (DockerApiException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
        {
            // "removal already in progress"
        }
        catch (Exception ex) when (EngineLoss.Is(ex, CancellationToken.None))
        {
            _pending[id] = true;
        }
    }

    /// <summary>Containers whose removal waits for the engine to come back.</summary>
    public int Pending => _pending.Count;

    /// <summary>Tries again to remove the containers the engine could not remove earlier.</summary>
    public async Task RemovePendingAsync()
    {
        foreach (var id in _pending.Keys)
            await RemoveQuietlyAsync(id);
    }

    private readonly ConcurrentDictionary<string, bool> _pending = new();

}
