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
        if (_setupNetworkReady)
            return name; // looked up once per node, not once per attempt
        var existing = await docker.Networks.ListNetworksAsync(new NetworksListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["name"] = new Dictionary<string, bool> { [name] = true } },
        }, cancellation);
        if (existing.Any(n => n.Name == name))
        {
            _setupNetworkReady = true;
            return name;
        }
        try
        {
            await docker.Networks.CreateNetworkAsync(new NetworksCreateParameters
            {
                Name = name,
                Driver = "bridge",
                Options = new Dictionary<string, string> { [IccOption] = "false" },
                Labels = new Dictionary<string, string> { [ContainerLabels.Owner] = ContainerLabels.OwnerValue },
            }, cancellation);
        }
        catch (DockerApiException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
        {
            // Another node on this engine created it at the same moment.
        }
        _setupNetworkReady = true;
        return name;
    }

    private volatile bool _setupNetworkReady;

    public const string IccOption = "com.docker.network.bridge.enable_icc";
    public const string BridgeNameOption = "com.docker.network.bridge.name";

    /// <summary>The host-side interface of the grading network, named so the host's firewall can refer to it.</summary>
    public const string GradingBridge = "swl-attempts";

    /// <summary>
    /// Makes sure the grading network exists: internal (no route out) and with inter-container traffic off, so no
    /// attempt reaches another. Returns its subnet (the browser may reach only that).
    /// </summary>
    /// <exception cref="InfrastructureException">A network of that name exists without those properties.</exception>
    public async Task<string> EnsureGradingNetworkAsync(CancellationToken cancellation)
    {
        var match = await FindAsync(cancellation);
        if (match is not null)
        {
            if (!match.Internal || !match.Options.TryGetValue(IccOption, out var icc) || icc != "false")
                throw new InfrastructureException($"Docker network {gradingNetwork} exists but is not internal with {IccOption}=false; remove it (docker network rm {gradingNetwork}) so the pool can create it isolated", retryable: false);
            return Subnet(match);
        }
        try
        {
            await docker.Networks.CreateNetworkAsync(new NetworksCreateParameters
            {
                Name = gradingNetwork,
                Driver = "bridge",
                Internal = true, // no route out: no internet, no DNS beyond the engine's own names
                Options = new Dictionary<string, string> { [IccOption] = "false", [BridgeNameOption] = BridgeName(gradingNetwork) },
                Labels = new Dictionary<string, string> { [ContainerLabels.Owner] = ContainerLabels.OwnerValue },
            }, cancellation);
        }
        catch (DockerApiException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
        {
            // Another node on this engine created it at the same moment.
        }
        return Subnet(await FindAsync(cancellation) ?? throw new InfrastructureException($"Docker network {gradingNetwork} vanished right after it was created", retryable: true));
    }

    /// <summary>The default network's bridge has a fixed name; another network's is derived (at most 15 characters).</summary>
    public static string BridgeName(string network) =>
        network == ContainerPoolOptions.DefaultNetwork ? GradingBridge : ("swl-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(network)))[..8]).ToLowerInvariant();

    private async Task<NetworkResponse?> FindAsync(CancellationToken cancellation)
    {
        var existing = await docker.Networks.ListNetworksAsync(new NetworksListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["name"] = new Dictionary<string, bool> { [gradingNetwork] = true } },
        }, cancellation);
        return existing.FirstOrDefault(n => n.Name == gradingNetwork);
    }

    private static string Subnet(NetworkResponse network) =>
        network.IPAM?.Config?.FirstOrDefault(c => !string.IsNullOrEmpty(c.Subnet))?.Subnet
        ?? throw new InfrastructureException($"Docker network {network.Name} has no IPv4 subnet", retryable: false);

    /// <summary>Takes a container off a network: the protocol runner's setup network, once setup is done.</summary>
    public async Task DisconnectAsync(string containerId, string network, CancellationToken cancellation) =>
        await docker.Networks.DisconnectNetworkAsync(network, new NetworkDisconnectParameters { Container = containerId, Force = true }, cancellation);

}
