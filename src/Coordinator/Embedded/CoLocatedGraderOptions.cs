using System.CommandLine;
using SweLancer.GraderNode.Hosting;
using SweLancer.Hosting.Nodes;

namespace SweLancer.Coordinator.Embedded;

/// <summary>The grader flags of `swelancer coordinator`, used when --roles gives it the grader role too.</summary>
public sealed class CoLocatedGraderOptions
{
    private readonly GraderOptions _options = new();

    public void AddTo(Command command) => _options.AddTo(command);

    public EmbeddedGrading Read(ParseResult parsed, NodeSettings node, NodeOptions nodeOptions) => new(_options.Read(parsed, node, nodeOptions));
}
