using System.CommandLine;
using SweLancer.GraderNode.Hosting;
using SweLancer.Hosting.Nodes;

namespace SweLancer.Coordinator.Embedded;

/// <summary>The grading flags of `swelancer sweep`, whose single process grades too: container slots and user, artefacts, test runs and the official-protocol flags.</summary>
public sealed class SweepGradingOptions
{
    private readonly Option<int?> _containerSlots = new("--container-slots")
    {
        Description = "Grading containers alive at once on this node (ic_swe tasks). Default: one per core, at most one per GiB of memory.",
    };

    private readonly Option<DirectoryInfo> _artefacts = new("--artefacts")
    {
        Description = "Where screenshots and traces of failed browser tests go. Default: OUT/artefacts.",
    };

    private readonly ProtocolOptions _protocol = new();
    private readonly TestRunOptions _runs = new();
    private readonly ContainerUserOption _user = new();

    public SweepGradingOptions() =>
        _containerSlots.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--container-slots must be at least 1."); });

    public void AddTo(Command command)
    {
        command.Options.Add(_containerSlots);
        command.Options.Add(_artefacts);
        _user.AddTo(command);
        _protocol.AddTo(command);
        _runs.AddTo(command);
    }

    /// <summary>The grading of sweep <paramref name="sweepId"/>, whose outputs go to <paramref name="outFolder"/>.</summary>
    public EmbeddedGrading Read(ParseResult parsed, string sweepId, string outFolder) => new(new GraderSettings(
        NodeSettings.Embedded,
        $"embedded-{Environment.MachineName}-{sweepId}",
        parsed.GetValue(_containerSlots),
        parsed.GetValue(_artefacts)?.FullName ?? Path.Combine(outFolder, "artefacts"),
        Path.Combine(outFolder, "swelancer.log"),
        // Read only by a grader process joining others; one process joins itself.
        TimeSpan.FromSeconds(30),
        Protocol: _protocol.Read(parsed),
        Runs: _runs.Read(parsed),
        ContainerUser: _user.Read(parsed)));
}
