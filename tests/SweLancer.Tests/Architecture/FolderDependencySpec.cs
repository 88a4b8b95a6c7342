using Xunit;

namespace SweLancer.Tests.Architecture;

/// <summary>Folders inside a project depend on each other one way only, and the coordinator meets the grader role in one folder.</summary>
public sealed class FolderDependencySpec
{
    [Fact]
    public void The_sources_are_found()
    {
        Assert.Contains(SourceTree.Files, f => f.Path == "src/Domain/Ledger/LedgerSummary.cs");
        Assert.Contains(SourceTree.FolderEdges().Keys, e => e == ("Coordinator", "Cli", "Api"));
    }

    [Fact]
    public void No_two_folders_of_a_project_depend_on_each_other_even_through_others()
    {
        var edges = SourceTree.FolderEdges();
        var next = edges.Keys.GroupBy(e => (e.Project, e.From)).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
        var cycles = new List<string>();
        foreach (var start in next.Keys)
        {
            // Depth-first from each folder; a path back to it is a cycle.
            var stack = new Stack<List<string>>([[start.From]]);
            var seen = new HashSet<string>();
            while (stack.Count > 0)
            {
                var path = stack.Pop();
                foreach (var to in next.GetValueOrDefault((start.Project, path[^1])) ?? [])
                {
                    if (to == start.From)
                        cycles.Add($"{start.Project}: {string.Join(" -> ", path.Append(to))} (first step in {edges[(start.Project, path[0], path.Count > 1 ? path[1] : to)][0]})");
                    else if (seen.Add(to))
                        stack.Push([.. path, to]);
                }
            }
        }

        Assert.True(cycles.Count == 0, "folder cycles:\n" + string.Join("\n", cycles.Distinct()));
    }

    [Fact]
    public void Only_the_coordinators_Embedded_folder_names_the_grader_role()
    {
        var outside = SourceTree.Files
            .Where(f => f.Project == "Coordinator" && f.Folder != "Embedded" && f.Text.Contains("SweLancer.GraderNode", StringComparison.Ordinal))
            .Select(f => f.Path).ToList();

        Assert.Contains(SourceTree.Files, f => f.Project == "Coordinator" && f.Folder == "Embedded" && f.Usings.Any(u => u.StartsWith("SweLancer.GraderNode", StringComparison.Ordinal)));
        Assert.True(outside.Count == 0, "outside Embedded: " + string.Join(", ", outside));
    }

    [Fact]
    public void The_grader_role_never_reaches_into_the_coordinator() =>
        Assert.DoesNotContain(SourceTree.Files, f => f.Project == "GraderNode" && f.Text.Contains("SweLancer.Coordinator", StringComparison.Ordinal));
}
