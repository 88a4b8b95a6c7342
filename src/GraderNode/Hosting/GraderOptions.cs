using System.CommandLine;
using SweLancer.Hosting.Nodes;

namespace SweLancer.GraderNode.Hosting;

/// <summary>The flags (and environment variables) of a node with the grader role: its identity, container slots and artefacts.</summary>
public sealed class GraderOptions
{
    private readonly Option<string?> _nodeId = new("--node-id")
    {
        Description = "This node's identity for its containers' labels; keep it across restarts so orphans are reaped [env SWELANCER_NODE_ID]. Default: grader-<machine>-<port>.",
        DefaultValueFactory = _ => EnvironmentDefault.Text("SWELANCER_NODE_ID"),
    };

    private readonly Option<int?> _slots = new("--container-slots")
    {
        Description = "Grading containers alive at once [env SWELANCER_CONTAINER_SLOTS]. Default: one per core, at most one per GiB of memory.",
        DefaultValueFactory = EnvironmentDefault.OptionalInt("SWELANCER_CONTAINER_SLOTS"),
    };

    private readonly Option<string> _artefacts = new("--artefacts")
    {
        Description = "Where screenshots and traces of failed browser tests go [env SWELANCER_ARTEFACTS].",
        DefaultValueFactory = EnvironmentDefault.String("SWELANCER_ARTEFACTS", "artefacts"),
    };

    private readonly ProtocolOptions _protocol = new();
    private readonly TestRunOptions _runs = new();
    private readonly ContainerUserOption _user = new();

    public GraderOptions()
    {
        _slots.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--container-slots must be at least 1."); });
        _nodeId.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } id && (id.Length == 0 || id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))))
                r.AddError($"--node-id '{id}' may hold only letters, digits, '-', '_' and '.'.");
        });
    }

    public void AddTo(Command command)
    {
        command.Options.Add(_nodeId);
        command.Options.Add(_slots);
        command.Options.Add(_artefacts);
        _user.AddTo(command);
        _protocol.AddTo(command);
        _runs.AddTo(command);
    }

    public GraderSettings Read(ParseResult parsed, NodeSettings node, NodeOptions nodeOptions) => new(
        node,
        parsed.GetValue(_nodeId) ?? $"grader-{Environment.MachineName}-{node.Port}",
        parsed.GetValue(_slots),
        Path.GetFullPath(parsed.GetValue(_artefacts)!),
        nodeOptions.LogPath(parsed),
        nodeOptions.JoinTimeout(parsed),
        nodeOptions.MetricsPort(parsed),
        _protocol.Read(parsed),
        _runs.Read(parsed),
        ContainerUser: _user.Read(parsed));
}
