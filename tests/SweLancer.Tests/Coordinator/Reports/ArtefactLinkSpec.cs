using SweLancer.Coordinator.Reports;
using Xunit;

namespace SweLancer.Tests.Coordinator.Reports;

public sealed class ArtefactLinkSpec
{
    [Fact]
    public void A_file_under_the_reports_folder_gets_a_relative_escaped_link()
    {
        var link = ArtefactLink.Of("/runs/s1/artefacts/s1/fa 102/attempt-1/add expense#1.png", "/runs/s1");

        Assert.Equal("artefacts/s1/fa%20102/attempt-1/add%20expense%231.png", link.Href);
        Assert.Equal(("add expense#1.png", "screenshot"), (link.Label, link.Kind));
    }

    [Fact]
    public void A_file_elsewhere_gets_a_file_url()
    {
        var link = ArtefactLink.Of("/data/artefacts/t/test.trace.zip", "/runs/s1");

        Assert.Equal("file:///data/artefacts/t/test.trace.zip", link.Href);
        Assert.Equal("trace", link.Kind);
    }

    [Fact]
    public void A_sibling_folder_sharing_the_reports_name_as_a_prefix_is_not_under_it()
    {
        Assert.StartsWith("file://", ArtefactLink.Of("/runs/s1-old/grader.log", "/runs/s1").Href);
        Assert.Equal("log", ArtefactLink.Of("/runs/s1/grader.log", "/runs/s1").Kind);
    }
}
