using SweLancer.GraderNode.Ic;
using Xunit;

namespace SweLancer.Tests.GraderNode.Ic;

[System.Runtime.Versioning.SupportedOSPlatform("linux")] // cp -a and Unix file modes
public sealed class PristineTreesSpec : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("pristine-spec-").FullName;
    private readonly PristineTrees _trees = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string MakeTree(string name, string content)
    {
        var root = Path.Combine(_work, name);
        Directory.CreateDirectory(Path.Combine(root, "srv", "app", "bin"));
        File.WriteAllText(Path.Combine(root, "srv", "app", "index.html"), content);
        var script = Path.Combine(root, "srv", "app", "bin", "run.sh");
        File.WriteAllText(script, "#!/bin/sh\necho hi\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.CreateSymbolicLink(Path.Combine(root, "srv", "app", "home.html"), "index.html");
        return root;
    }

    private string Empty(string name) => Directory.CreateDirectory(Path.Combine(_work, name)).FullName;

    [Fact]
    public async Task A_kept_tree_is_copied_with_its_modes_and_links_and_each_copy_is_its_own()
    {
        var key = PristineTrees.KeyOf("sha256:aa", ["srv/app"], "bug");
        var source = MakeTree("source", "pristine");
        await _trees.KeepAsync(key, source, ["srv/extra"], Ct);
        File.WriteAllText(Path.Combine(source, "srv", "app", "index.html"), "changed after keeping");

        var first = Empty("first");
        Assert.Equal(["srv/extra"], await _trees.TryCopyToAsync(key, first, Ct));
        Assert.Equal("pristine", File.ReadAllText(Path.Combine(first, "srv", "app", "index.html")));
        Assert.True(File.GetUnixFileMode(Path.Combine(first, "srv", "app", "bin", "run.sh")).HasFlag(UnixFileMode.UserExecute));
        Assert.Equal("index.html", new FileInfo(Path.Combine(first, "srv", "app", "home.html")).LinkTarget);

        // An attempt patches its copy; the next copy is pristine again.
        File.WriteAllText(Path.Combine(first, "srv", "app", "index.html"), "the model's fix");
        File.Delete(Path.Combine(first, "srv", "app", "bin", "run.sh"));
        var second = Empty("second");
        await _trees.TryCopyToAsync(key, second, Ct);
        Assert.Equal("pristine", File.ReadAllText(Path.Combine(second, "srv", "app", "index.html")));
        Assert.True(File.Exists(Path.Combine(second, "srv", "app", "bin", "run.sh")));
        Assert.Equal(1, _trees.Kept);
    }

    [Fact]
    public async Task A_tree_is_found_only_for_the_same_image_content_folders_and_bug_patch()
    {
        await _trees.KeepAsync(PristineTrees.KeyOf("sha256:aa", ["srv/app"], "bug"), MakeTree("source", "x"), [], Ct);

        Assert.Null(await _trees.TryCopyToAsync(PristineTrees.KeyOf("sha256:bb", ["srv/app"], "bug"), Empty("other-image"), Ct));
        Assert.Null(await _trees.TryCopyToAsync(PristineTrees.KeyOf("sha256:aa", ["srv/app", "srv/lib"], "bug"), Empty("other-folders"), Ct));
        Assert.Null(await _trees.TryCopyToAsync(PristineTrees.KeyOf("sha256:aa", ["srv/app"], "another bug"), Empty("other-bug"), Ct));
        Assert.Null(await _trees.TryCopyToAsync(PristineTrees.KeyOf("sha256:aa", ["srv/app"], null), Empty("no-bug"), Ct));
        Assert.NotNull(await _trees.TryCopyToAsync(PristineTrees.KeyOf("sha256:aa", ["srv/app"], "bug"), Empty("same"), Ct));
    }

    [Fact]
    public async Task Beyond_its_capacity_the_least_recently_used_tree_is_dropped()
    {
        var source = MakeTree("source", "x");
        for (var i = 0; i < PristineTrees.Capacity; i++)
            await _trees.KeepAsync($"key-{i}", source, [], Ct);
        await _trees.TryCopyToAsync("key-0", Empty("touch-0"), Ct); // key-0 used last: key-1 is now the oldest

        await _trees.KeepAsync("key-new", source, [], Ct);

        Assert.Null(await _trees.TryCopyToAsync("key-1", Empty("after-1"), Ct));
        Assert.NotNull(await _trees.TryCopyToAsync("key-0", Empty("after-0"), Ct));
        Assert.NotNull(await _trees.TryCopyToAsync("key-new", Empty("after-new"), Ct));
    }

    [Fact]
    public async Task Keeping_a_tree_that_is_already_kept_keeps_the_first()
    {
        var key = PristineTrees.KeyOf("sha256:aa", ["srv/app"], null);
        await _trees.KeepAsync(key, MakeTree("first-source", "first"), [], Ct);
        await _trees.KeepAsync(key, MakeTree("second-source", "second"), [], Ct);

        var copy = Empty("copy");
        await _trees.TryCopyToAsync(key, copy, Ct);
        Assert.Equal("first", File.ReadAllText(Path.Combine(copy, "srv", "app", "index.html")));
        Assert.Equal(1, _trees.Kept);
    }

    public void Dispose()
    {
        _trees.Dispose();
        Directory.Delete(_work, recursive: true);
    }
}
