using SweLancer.GraderNode.Containers;
using Xunit;

namespace SweLancer.Tests.GraderNode.Containers;

public sealed class InstallFoldersSpec
{
    [Fact]
    public void The_same_folders_in_any_order_or_spelling_are_one_key()
    {
        var a = InstallFolders.Of(["/srv/app", "/hidden-tests", "/srv/app/"]);
        var b = InstallFolders.Of(["/hidden-tests/", "/srv/app"]);

        Assert.Equal(a, b);
        Assert.Equal(["/hidden-tests", "/srv/app"], a.Paths);
        Assert.NotEqual(a, InstallFolders.Of(["/srv/app"]));
    }

    [Fact]
    public void None_has_no_paths()
    {
        Assert.Empty(InstallFolders.None.Paths);
        Assert.Equal(InstallFolders.None, InstallFolders.Of([]));
    }

    [Theory]
    [InlineData("srv/app")]
    [InlineData("/")]
    [InlineData("/a\nb")]
    public void A_folder_not_below_the_root_is_refused_by_name(string path)
    {
        var refused = Assert.Throws<ArgumentException>(() => InstallFolders.Of([path]));
        Assert.Contains($"'{path.TrimEnd('/')}'", refused.Message);
    }
}
