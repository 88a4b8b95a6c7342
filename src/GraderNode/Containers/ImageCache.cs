using System.Collections.Concurrent;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace SweLancer.GraderNode.Containers;

/// <summary>The images a node has on its engine: looked up once, pulled when missing, remembered with their config.</summary>
public sealed class ImageCache(DockerClient docker, Uri endpoint)
{
    /// <summary>An official SWE-Lancer image is about 14 GB.</summary>
    public static readonly TimeSpan PullLimit = TimeSpan.FromMinutes(60);

    private readonly ConcurrentDictionary<string, ImageInspectResponse> _images = new();
    private readonly ConcurrentDictionary<string, bool> _vanished = new();

    public IReadOnlyList<string> Held() => _images.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>The image's size as the engine reports it (shared layers counted in each image), or 0 when unknown.</summary>
    public long SizeOf(string image) => _images.TryGetValue(image, out var inspected) ? inspected.Size : 0;

    /// <summary>Removes the image from the engine (not forced: an image a container uses stays); false when it stayed.</summary>
    public async Task<bool> RemoveAsync(string image, CancellationToken cancellation)
    {
        try
        {
            await docker.Images.DeleteImageAsync(image, new ImageDeleteParameters { Force = false }, cancellation);
        }
        catch (DockerImageNotFoundException)
        {
        }
        catch (DockerApiException)
        {
            return false; // in use, or the engine refused: it stays, and is counted
        }
        _images.TryRemove(image, out _);
        return true;
    }

    /// <summary>
    /// The engine no longer has an image this node held (deleted mid-sweep): the next <see cref="EnsureAsync"/> looks it
    /// up and pulls it again, and a failed pull of it stays retryable, as the image may yet come back.
    /// </summary>
    public void Forget(string image)
    {
        _images.TryRemove(image, out _);
        _vanished[image] = true;
    }

    /// <summary>The image's own configuration (entrypoint, command, working dir); call <see cref="EnsureAsync"/> first.</summary>
    public Config Config(string image) => _images[image].Config;

    /// <summary>Makes sure the image is on this engine, pulling it if needed.</summary>
    /// <exception cref="InfrastructureException">The image is not available.</exception>
    public async Task EnsureAsync(string image, CancellationToken cancellation)
    {
        if (_images.ContainsKey(image))
            return;
        try
        {
            _images[image] = await docker.Images.InspectImageAsync(image, cancellation);
            _vanished.TryRemove(image, out _);
            return;
        }
        catch (DockerImageNotFoundException)
        {
            // Try a pull below.
        }
        catch (Exception ex) when (ex is DockerApiException or HttpRequestException or IOException or TimeoutException)
        {
            throw new InfrastructureException($"the Docker engine at {endpoint} failed looking up image {image}: {ContainerPool.Describe(ex)}", retryable: true, ex);
        }

        try
        {
            using var pull = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            pull.CancelAfter(PullLimit);
            var (name, tag) = SplitTag(image);
            await docker.Images.CreateImageAsync(new ImagesCreateParameters { FromImage = name, Tag = tag }, null, new Progress<JSONMessage>(), pull.Token);
            _images[image] = await docker.Images.InspectImageAsync(image, cancellation);
            _vanished.TryRemove(image, out _);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            if (_vanished.ContainsKey(image))
                throw new InfrastructureException($"image {image} was deleted from this engine during the sweep and the pull failed: {ContainerPool.Describe(ex)}", retryable: true, ex);
            // Nodes are provisioned alike, so another try is not expected to find it either.
            throw new InfrastructureException($"image {image} is not available: not on this engine and the pull failed: {ContainerPool.Describe(ex)}", retryable: false, ex);
        }
    }

    private static (string Name, string Tag) SplitTag(string image)
    {
        var slash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        return colon > slash ? (image[..colon], image[(colon + 1)..]) : (image, "latest");
    }

}
