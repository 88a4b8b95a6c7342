using System.Reflection;
using System.Xml.Linq;
using SweLancer.Domain.Ledger;
using Xunit;

namespace SweLancer.Tests.Architecture;

/// <summary>The domain core stays free of actors and web hosting, so everything in it is testable without an ActorSystem.</summary>
public sealed class DomainCoreSpec
{
    private static readonly Assembly Domain = typeof(LedgerSummary).Assembly;

    [Fact]
    public void The_domain_assembly_references_neither_Akka_nor_ASP_NET()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("SweLancer.Messages", references);
        Assert.DoesNotContain(references, r => r.StartsWith("Akka", StringComparison.Ordinal) || r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void The_domain_project_declares_no_actor_or_web_dependency()
    {
        var project = XDocument.Load(Path.Combine(Shared.SharedDataset.RepoRoot, "src", "Domain", "SweLancer.Domain.csproj"));
        string[] Included(string item) => project.Descendants(item).Select(e => (string?)e.Attribute("Include") ?? "").ToArray();

        Assert.Equal(["CsvHelper", "MathNet.Numerics"], Included("PackageReference"));
        Assert.Equal(["../Messages/SweLancer.Messages.csproj"], Included("ProjectReference"));
        Assert.Empty(Included("FrameworkReference"));
    }
}
