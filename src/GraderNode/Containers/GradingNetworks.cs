using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace SweLancer.GraderNode.Containers;

/// <summary>The Docker networks grading containers use: the internal grading network, and a monolith's setup network.</summary>
public sealed class GradingNetworks(DockerClient docker, string gradingNetwork)
{
    /// <summary>
    /// The network a monolith container may use during setup (npm, pip): a bridge with a route out, but containers on it
    /// cannot reach each other. Containers leave it before any model code runs.
    /// </summary>
    public async Task<string> EnsureSetupNetworkAsync(CancellationToken cancellation)
    {
        const string name = "swelancer-setup";
        var existing = await docker.Networks.ListNetworksAsync(new NetworksListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["name"] = new Dictionary<string, bool> { [name] = true } },
        }, cancellation);
        if (existing.Any(n => n.Name == name))
            return name;
        try
        {
            await docker.Networks.CreateNetworkAsync(new NetworksCreateParameters
            {
                Name = name,
                Driver = "bridge",
                Options = new Dictionary<string, string> { ["com.docker.network.bridge.enable_icc"] = "false" },
                Labels = new Dictionary<string, string> { [ContainerLabels.Owner] = ContainerLabels.OwnerValue },
            }, cancellation);
        }
        catch (DockerApiException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
        {
            // Another node on this engine created it at the same moment.
        }
        return name;
    }

    /// <summary>Makes sure the internal grading network exists (created here when missing).</summary>
    public async Task EnsureGradingNetworkAsync(CancellationToken cancellation)
    {
        var existing = await docker.Networks.ListNetworksAsync(new NetworksListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["name"] = new Dictionary<string, bool> { [gradingNetwork] = true } },
        }, cancellation);
        var match = existing.FirstOrDefault(n => n.Name == gradingNetwork);
        if (match is not null)
        {
            if (!match.Internal)
                throw new InfrastructureException($"Docker network {gradingNetwork} exists but is not internal; remove it so the pool can create it without outbound access", retryable: false);
            return;
        }
        try
        {
            await docker.Networks.CreateNetworkAsync(new NetworksCreateParameters
            {
                Name = gradingNetwork,
                Driver = "bridge",
                Internal = true, // no route out: no internet, no DNS beyond the engine's own names
                Labels = new Dictionary<string, string> { [ContainerLabels.Owner] = ContainerLabels.OwnerValue },
            }, cancellation);
        }
        catch (DockerApiException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
        {
            // Another node on this engine created it at the same moment.
        }
    }

    /// <summary>Takes a container off a network: the protocol runner's setup network, once setup is done.</summary>
    public async Task DisconnectAsync(string containerId, string network, CancellationToken cancellation) =>
        await docker.Networks.DisconnectNetworkAsync(network, new NetworkDisconnectParameters { Container = containerId, Force = true }, cancellation);

}
