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
            // "removal already in progress": another caller's removal, which may never be waited for (a lease's disposal
            // cut short by the process's exit). Returning now let a grader exit with its container still listed.
            await WaitGoneAsync(id);
        }
        catch (Exception ex) when (EngineLoss.Is(ex, CancellationToken.None))
        {
            _pending[id] = true;
        }
    }

    /// <summary>How long a removal in progress elsewhere is waited for before this one is tried again.</summary>
    public static readonly TimeSpan RemovalWait = TimeSpan.FromSeconds(30);

    private async Task WaitGoneAsync(string id)
    {
        var deadline = DateTime.UtcNow + RemovalWait;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                await docker.Containers.InspectContainerAsync(id);
            }
            catch (DockerContainerNotFoundException)
            {
                _pending.TryRemove(id, out _);
                return;
            }
            catch (Exception ex) when (EngineLoss.Is(ex, CancellationToken.None))
            {
                _pending[id] = true;
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
        _pending[id] = true; // still there: tried again after the next container start, and by the node sweep at disposal
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
