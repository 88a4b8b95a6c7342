using System.Collections.Concurrent;
using SweLancer.GraderNode.Containers;
using SweLancer.GraderNode.Patching;

namespace SweLancer.GraderNode.Ic;

/// <summary>
/// The app's folders of each image, copied out once from a pristine container (one that ran nothing but the gate) into a
/// host folder that is only read afterwards, and each task's bug patch applied to them once, as a <see cref="FileDelta"/>.
/// An image id names immutable contents, so every fresh container of it holds exactly these files: attempts patch only
/// the files their diff names against this copy instead of copying the whole app out of each container and back.
/// </summary>
public sealed class AppSnapshots : IDisposable
{
    private static readonly TimeSpan CopyLimit = TimeSpan.FromMinutes(5);

    private readonly string _root = Directory.CreateTempSubdirectory("swelancer-apps-").FullName;
    private readonly ConcurrentDictionary<string, Lazy<Task<AppSnapshot>>> _apps = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<(PatchApplication Applied, FileDelta Delta)>>> _bugs = new(StringComparer.Ordinal);

    /// <summary>The copy for this image id and folders, when one was taken already.</summary>
    public AppSnapshot? Find(string imageId, IReadOnlyList<string> folders) =>
        imageId.Length > 0 && _apps.TryGetValue(Key(imageId, folders), out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully
            ? lazy.Value.Result
            : null;

    /// <summary>The copy for <paramref name="pristine"/>'s image, taken from it if there is none yet. Call before anything is installed in it.</summary>
    public Task<AppSnapshot> GetAsync(ContainerLease pristine, IReadOnlyList<string> folders)
    {
        if (pristine.ImageId.Length == 0)
            throw new InfrastructureException($"container {pristine.Id[..12]} has no image id", retryable: true);
        return Once(_apps, Key(pristine.ImageId, folders), async () =>
        {
            var folder = Directory.CreateDirectory(Path.Combine(_root, Guid.NewGuid().ToString("N"))).FullName;
            using var limit = new CancellationTokenSource(CopyLimit);
            try
            {
                foreach (var app in folders)
                    await pristine.CopyOutAsync("/" + app, folder, limit.Token);
            }
            catch
            {
                Directory.Delete(folder, recursive: true);
                throw;
            }
            return new AppSnapshot(folder, pristine.ImageId, folders);
        });
    }

    /// <summary>The task's bug patch applied to <paramref name="app"/> (computed once per image and patch text).</summary>
    public Task<(PatchApplication Applied, FileDelta Delta)> BugDeltaAsync(AppSnapshot app, ParsedDiff bug, GnuPatch patcher) =>
        Once(_bugs, Key(app.ImageId, app.Folders) + "\n" + bug.PatchText, () =>
            PartialPatch.ApplyAsync(app.Root, FileDelta.Empty, bug.Paths, scratch => patcher.ApplyAsync(scratch, bug.PatchText, CancellationToken.None)));

    // Shared by all attempts that ask at once; a failure is not kept, so the next attempt tries again.
    private static async Task<T> Once<T>(ConcurrentDictionary<string, Lazy<Task<T>>> cache, string key, Func<Task<T>> make)
    {
        var lazy = cache.GetOrAdd(key, _ => new Lazy<Task<T>>(() => Task.Run(make)));
        try
        {
            return await lazy.Value;
        }
        catch
        {
            cache.TryRemove(KeyValuePair.Create(key, lazy));
            throw;
        }
    }

    private static string Key(string imageId, IReadOnlyList<string> folders) => imageId + "|" + string.Join("|", folders);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>A host copy of an image's app folders (see <see cref="AppSnapshots"/>); read, never written.</summary>
public sealed record AppSnapshot(string Root, string ImageId, IReadOnlyList<string> Folders);
