using System.CommandLine;

namespace SweLancer.Coordinator.Cli;

/// <summary>The `swelancer` command tree.</summary>
public static class CommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("SweLancer grading cluster: grades a model's SWE-Lancer submissions and reports what it earned.");
        root.Subcommands.Add(SweepCommand.Build());
        root.Subcommands.Add(CoordinatorCommand.Build());
        root.Subcommands.Add(SubmitCommand.Build());
        root.Subcommands.Add(StatusCommand.Build());
        root.Subcommands.Add(ReportCommand.Build());
        root.Subcommands.Add(LedgerCommand.Build());
        root.Subcommands.Add(CompareCommand.Build());
        return root;
    }
}
