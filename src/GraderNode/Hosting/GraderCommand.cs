using System.CommandLine;

namespace SweLancer.GraderNode.Hosting;

/// <summary>The `swelancer-grader` command line; every flag also has an environment variable, as a pod is configured.</summary>
public static class GraderCommand
{
    public const int DefaultPort = 4054;

    public static RootCommand Build()
    {
        var node = new NodeOptions(DefaultPort);
        var nodeId = new Option<string?>("--node-id")
        {
            Description = "This node's identity for its containers' labels; keep it across restarts so orphans are reaped [env SWELANCER_NODE_ID]. Default: grader-<machine>-<port>.",
            DefaultValueFactory = _ => EnvironmentDefault.Text("SWELANCER_NODE_ID"),
        };
        var slots = new Option<int?>("--container-slots")
        {
            Description = "Grading containers alive at once [env SWELANCER_CONTAINER_SLOTS]. Default: one per core, at most one per GiB of memory.",
            DefaultValueFactory = EnvironmentDefault.OptionalInt("SWELANCER_CONTAINER_SLOTS"),
        };
        slots.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--container-slots must be at least 1."); });
        var artefacts = new Option<string>("--artefacts")
        {
            Description = "Where screenshots and traces of failed browser tests go [env SWELANCER_ARTEFACTS].",
            DefaultValueFactory = EnvironmentDefault.String("SWELANCER_ARTEFACTS", "artefacts"),
        };
        nodeId.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } id && (id.Length == 0 || id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))))
                r.AddError($"--node-id '{id}' may hold only letters, digits, '-', '_' and '.'.");
        });


        var root = new RootCommand("SweLancer grader node: joins a cluster and grades the tasks its shards receive.")
        {
            nodeId, slots, artefacts,
        };
        node.AddTo(root);
        root.Validators.Add(r =>
        {
            if (NodeOptions.SplitSeeds(r.GetValue<string?>("--seed-nodes")).Count == 0)
                r.AddError("a grader node needs --seed-nodes (or SWELANCER_SEED_NODES): the coordinator's address first, e.g. akka.tcp://swelancer@127.0.0.1:4053.");
        });
        root.SetAction((parsed, stop) =>
        {
            var settings = node.Read(parsed);
            var id = parsed.GetValue(nodeId) ?? $"grader-{Environment.MachineName}-{settings.Port}";
            return GraderProcess.RunAsync(new GraderSettings(
                settings, id, parsed.GetValue(slots), Path.GetFullPath(parsed.GetValue(artefacts)!), node.LogPath(parsed),
                node.JoinTimeout(parsed), node.MetricsPort(parsed)), stop);
        });
        return root;
    }
}
