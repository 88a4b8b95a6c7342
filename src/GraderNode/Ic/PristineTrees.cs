using System.Diagnostics;
using SweLancer.GraderNode.Containers;

namespace SweLancer.GraderNode.Ic;

/// <summary>
/// The app's folders as an image and a task's bug patch make them, kept on the host once per image content so that each
/// attempt starts from a host copy: copying the folders out of a container costs an archive call (about 50 ms of the
/// engine's CPU) and the bug patch a GNU patch run, on cores that grading saturates. A tree is kept only from a container
/// no model code has run in, before the model's patch, and is never changed afterwards; an attempt patches its own copy.
/// The most recent <see cref="Capacity"/> trees are kept; an older one is deleted once no attempt is copying it.
/// </summary>
public sealed class PristineTrees : IDisposable
{
    public const int Capacity = 16;

    private readonly string _root = Directory.CreateTempSubdirectory("swelancer-pristine-").FullName;
    private readonly Dictionary<string, Tree> _trees = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private long _clock;
    private int _kept;
    private int _made;

    public PristineTrees() => AppDomain.CurrentDomain.ProcessExit += OnProcessExit;

    /// <summary>How many trees were kept so far (each one a copy-out and a bug patch that later attempts skip).</summary>
    public int Kept => Volatile.Read(ref _kept);

    /// <summary>What identifies a tree: the image's content id, the folders copied out, and the bug patch applied.</summary>
    public static string KeyOf(string imageId, IReadOnlyList<string> roots, string? bugPatch) =>
        string.Join('\0', [imageId, .. roots, "\0", bugPatch ?? ""]);

    /// <summary>
    /// Copies the tree kept under <paramref name="key"/> into <paramref name="destination"/>, and returns the folders the
    /// image did not have (the patches may create them); null when no tree is kept under that key.
    /// </summary>
    public async Task<IReadOnlyList<string>?> TryCopyToAsync(string key, string destination, CancellationToken cancellation)
    {
        Tree? tree;
        lock (_gate)
        {
            if (_trees.TryGetValue(key, out tree))
            {
                tree.Users++;
                tree.LastUse = ++_clock;
            }
        }
        if (tree is null)
            return null;
        try
        {
            await CopyAsync(tree.Path, destination, cancellation);
            return tree.Absent;
        }
        finally
        {
            Release(tree);
        }
    }

    /// <summary>Keeps a copy of <paramref name="source"/>, a tree fresh from the image with only the bug patch applied.</summary>
    public async Task KeepAsync(string key, string source, IReadOnlyList<string> absent, CancellationToken cancellation)
    {
        var copy = Directory.CreateDirectory(Path.Combine(_root, $"tree-{Interlocked.Increment(ref _made)}")).FullName;
        try
        {
            await CopyAsync(source, copy, cancellation);
        }
        catch
        {
            Delete(copy);
            throw;
        }
        var evicted = new List<Tree>();
        lock (_gate)
        {
            if (_trees.ContainsKey(key))
            {
                evicted.Add(new Tree(copy, absent)); // another attempt kept the same tree meanwhile
            }
            else
            {
                _trees[key] = new Tree(copy, absent) { LastUse = ++_clock };
                Interlocked.Increment(ref _kept);
                while (_trees.Count > Capacity)
                {
                    var oldest = _trees.MinBy(t => t.Value.LastUse);
                    _trees.Remove(oldest.Key);
                    oldest.Value.Evicted = true;
                    if (oldest.Value.Users == 0)
                        evicted.Add(oldest.Value);
                }
            }
        }
        foreach (var tree in evicted)
            Delete(tree.Path);
    }

    private void Release(Tree tree)
    {
        bool delete;
        lock (_gate)
        {
            tree.Users--;
            delete = tree.Evicted && tree.Users == 0;
        }
        if (delete)
            Delete(tree.Path);
    }

    /// <summary>cp -a keeps what the archive made: modes, symbolic links (as links), timestamps.</summary>
    private static async Task CopyAsync(string source, string destination, CancellationToken cancellation)
    {
        var info = new ProcessStartInfo("cp") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-a", "--", Path.Combine(source, "."), destination })
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start cp");
        var errors = process.StandardError.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        if (process.ExitCode != 0)
            throw new InfrastructureException($"copying the app's folders on the host failed (cp exit {process.ExitCode}): {(await errors).Trim()}", retryable: true);
    }

    private static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => Delete(_root);

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        Delete(_root);
    }

    private sealed class Tree(string path, IReadOnlyList<string> absent)
    {
        public string Path { get; } = path;
        public IReadOnlyList<string> Absent { get; } = absent;
        public int Users { get; set; }
        public long LastUse { get; set; }
        public bool Evicted { get; set; }
    }
}
