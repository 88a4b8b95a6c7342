using System.CommandLine;
using SweLancer.Hosting.Nodes;

namespace SweLancer.GraderNode.Hosting;

/// <summary>The `swelancer-grader` command line; every flag also has an environment variable, as a pod is configured.</summary>
public static class GraderCommand
{
    public const int DefaultPort = 4054;

    public static RootCommand Build()
    {
        var node = new NodeOptions(DefaultPort);
        var grader = new GraderOptions();
        var bench = new BenchHoldOptions();
        var root = new RootCommand("SweLancer grader node: joins a cluster and grades the tasks its shards receive.");
        grader.AddTo(root);
        bench.AddTo(root);
        node.AddTo(root);
        root.Validators.Add(r =>
        {
            // A command validator sees no option defaults, so the variable is read here too (as for --roles).
            if (NodeOptions.SplitSeeds(r.GetValue<string?>("--seed-nodes") ?? EnvironmentDefault.Text("SWELANCER_SEED_NODES")).Count == 0)
                r.AddError("a grader node needs --seed-nodes (or SWELANCER_SEED_NODES): the coordinator's address first, e.g. akka.tcp://swelancer@127.0.0.1:4053.");
        });
        root.SetAction((parsed, stop) =>
        {
            var settings = grader.Read(parsed, node.Read(parsed), node);
            return GraderService.RunAsync(settings with { BenchHold = bench.Read(parsed, settings.ContainerSlots) }, stop);
        });
        return root;
    }
}
