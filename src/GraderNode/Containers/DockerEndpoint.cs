using Docker.DotNet;

namespace SweLancer.GraderNode.Containers;

/// <summary>Where the Docker engine is. Docker.DotNet's parameterless configuration ignores DOCKER_HOST, so it is read here.</summary>
public static class DockerEndpoint
{
    public const string Default = "unix:///var/run/docker.sock";

    public static Uri FromEnvironment() => Parse(Environment.GetEnvironmentVariable("DOCKER_HOST"));

    public static Uri Parse(string? dockerHost) =>
        new(string.IsNullOrWhiteSpace(dockerHost) ? Default : dockerHost.Trim());

    public static DockerClient Connect(Uri endpoint) =>
        new DockerClientConfiguration(endpoint, defaultTimeout: TimeSpan.FromSeconds(100)).CreateClient();
}
