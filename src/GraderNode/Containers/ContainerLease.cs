using System.Diagnostics;
using System.Formats.Tar;
using Docker.DotNet;
using Docker.DotNet.Models;
using SweLancer.GraderNode.Grading;

namespace SweLancer.GraderNode.Containers;

/// <summary>One started container lent to one attempt. Disposing it destroys the container: nothing is ever reused.</summary>
public sealed class ContainerLease : IAsyncDisposable
{
    private readonly DockerClient _docker;
    private readonly Func<ContainerLease, Task> _onDispose;
    private int _disposed;
    private AttemptMeter? _meter;
    private long _chargedSince;

    internal ContainerLease(DockerClient docker, string id, string image, string ipAddress, Func<ContainerLease, Task> onDispose)
    {
        _docker = docker;
        Id = id;
        Image = image;
        IpAddress = ipAddress;
        _onDispose = onDispose;
    }

    public string Id { get; }

    /// <summary>Counts the time from now until the container is removed as held for the attempt that <paramref name="meter"/> measures.</summary>
    public void ChargeTo(AttemptMeter meter)
    {
        _chargedSince = Stopwatch.GetTimestamp();
        _meter = meter;
    }

    /// <summary>Set when the container was killed for writing more than its disk limit: the model's failure, with this reason.</summary>
    public string? OverDiskReason { get; private set; }

    internal void MarkOverDisk(string reason) => OverDiskReason = reason;

    /// <summary>Reads the writable layer's size now; false (and <see cref="OverDiskReason"/> set) when over the limit.</summary>
    public async Task<bool> WithinDiskLimitAsync(CancellationToken cancellation) =>
        DiskWatch is null ? OverDiskReason is null : await DiskWatch.CheckNowAsync(cancellation);

    /// <summary>Watches the writable layer for the lease's lifetime (see <see cref="DiskQuotaWatch"/>).</summary>
    internal DiskQuotaWatch? DiskWatch { get; set; }

    public string Image { get; }

    /// <summary>The id of the image content the container was made from, as the engine reported it at the start; null if it did not.</summary>
    public string? ImageId { get; init; }

    /// <summary>The container's address on the internal grading network, reachable from this host.</summary>
    public string IpAddress { get; }

    /// <summary>Whether its root filesystem is read-only: then files go only into the folders it was created with volumes for.</summary>
    public bool ReadOnlyRoot { get; init; }

    /// <summary>The user for the harness's own steps that write where the container's user may not.</summary>
    public const string Root = "0:0";

    /// <summary>Runs <paramref name="command"/> in the container; cancelling abandons it (the container is destroyed afterwards anyway).</summary>
    /// <param name="user">Who it runs as; null runs it as the container's user (<see cref="ContainerPoolOptions.User"/>).
    /// Only the harness's own steps name <see cref="Root"/>, never a command that runs the model's code.</param>
    public async Task<ExecResult> ExecAsync(IReadOnlyList<string> command, string? workingDir, CancellationToken cancellation, string? user = null)
    {
        var created = await _docker.Exec.ExecCreateContainerAsync(Id, new ContainerExecCreateParameters
        {
            Cmd = command.ToList(),
            User = user,
            AttachStdout = true,
            AttachStderr = true,
            WorkingDir = workingDir,
        }, cancellation);
        using var stream = await _docker.Exec.StartAndAttachContainerExecAsync(created.ID, tty: false, cancellation);
        // Streamed, not buffered: the command is the model's code and may write gigabytes.
        var stdout = new BoundedOutput();
        var stderr = new BoundedOutput();
        var buffer = new byte[81920];
        while (true)
        {
            var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellation);
            if (read.EOF)
                break;
            (read.Target == MultiplexedStream.TargetStream.StandardError ? stderr : stdout).Write(buffer.AsSpan(0, read.Count));
        }
        // The streams can close before the process ends (it may close them itself): its exit code counts only once it ended.
        var inspected = await _docker.Exec.InspectContainerExecAsync(created.ID, cancellation);
        while (inspected.Running)
        {
            await Task.Delay(50, cancellation);
            inspected = await _docker.Exec.InspectContainerExecAsync(created.ID, cancellation);
        }
        return new ExecResult(inspected.ExitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// One of the harness's own short commands (never the model's code under test, which has its own timeout), bounded
    /// by <see cref="EngineCallBound"/>: an engine that stops answering mid-exec makes it a retryable system error naming
    /// <paramref name="what"/> instead of holding the attempt and its slot for good.
    /// </summary>
    public Task<ExecResult> RunStepAsync(string what, IReadOnlyList<string> command, string? workingDir, CancellationToken cancellation,
        string? user = null, TimeSpan? limit = null) =>
        EngineCallBound.RunAsync($"{what} in container {Id[..12]}", token => ExecAsync(command, workingDir, token, user), cancellation, limit);

    /// <summary>Starts the image's own command (the app), held back until now by <see cref="ContainerGate"/>.</summary>
    public async Task ReleaseGateAsync(CancellationToken cancellation)
    {
        var result = await RunStepAsync("starting the app", ContainerGate.ReleaseCommand, null, cancellation, Root);
        if (result.ExitCode != 0)
            throw new InfrastructureException($"could not start the app in container {Id[..12]}: {result.Output}", retryable: true);
    }

    /// <summary>Copies the folder <paramref name="containerFolder"/> (absolute) to the same relative place under <paramref name="hostRoot"/>.
    /// A folder that does not exist in the container is left absent.</summary>
    public async Task CopyOutAsync(string containerFolder, string hostRoot, CancellationToken cancellation)
    {
        var parent = Path.Combine(hostRoot, Path.GetDirectoryName(containerFolder.TrimEnd('/'))!.TrimStart('/'));
        await CopyOutCappedAsync(containerFolder, parent, long.MaxValue, cancellation); // the app's own folders: not capped
    }

    /// <summary>
    /// Copies the folder <paramref name="containerFolder"/> into <paramref name="hostFolder"/> (as a subfolder of its own
    /// name), unless its archive exceeds <paramref name="maxBytes"/>: then nothing is kept and false is returned.
    /// </summary>
    public Task<bool> CopyOutCappedAsync(string containerFolder, string hostFolder, long maxBytes, CancellationToken cancellation) =>
        EngineCallBound.RunAsync($"copying {containerFolder} out of container {Id[..12]}", token => CopyOutUnboundedAsync(containerFolder, hostFolder, maxBytes, token), cancellation);

    private async Task<bool> CopyOutUnboundedAsync(string containerFolder, string hostFolder, long maxBytes, CancellationToken cancellation)
    {
        GetArchiveFromContainerResponse archive;
        try
        {
            archive = await _docker.Containers.GetArchiveFromContainerAsync(Id, new GetArchiveFromContainerParameters { Path = containerFolder }, statOnly: false, cancellation);
        }
        catch (DockerContainerNotFoundException)
        {
            return true; // nothing there
        }
        using var buffer = new MemoryStream();
        await using (archive.Stream)
        {
            var chunk = new byte[81920];
            int read;
            while ((read = await archive.Stream.ReadAsync(chunk, cancellation)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                    return false;
                buffer.Write(chunk, 0, read);
            }
        }
        buffer.Position = 0;
        Directory.CreateDirectory(hostFolder);
        await TarFile.ExtractToDirectoryAsync(buffer, hostFolder, overwriteFiles: true, cancellation);
        return true;
    }

    /// <summary>Copies everything under <paramref name="hostRoot"/> into the container, relative to <paramref name="containerFolder"/>,
    /// owned by root whoever owns it on this host (<see cref="RootOwnedArchive"/>).</summary>
    public async Task CopyInAsync(string hostRoot, string containerFolder, CancellationToken cancellation)
    {
        using var tar = await RootOwnedArchive.CreateAsync(hostRoot, cancellation);
        await EngineCallBound.RunAsync($"copying files into container {Id[..12]}",
            token => _docker.Containers.ExtractArchiveToContainerAsync(Id, new ContainerPathStatParameters { Path = containerFolder, AllowOverwriteDirWithFile = false }, tar, token), cancellation);
    }

    /// <summary>Writes one file into the container (mode 0644), creating nothing but the file itself.</summary>
    public async Task PutFileAsync(string containerFolder, string name, byte[] content, CancellationToken cancellation)
    {
        using var tar = new MemoryStream();
        await using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content), Mode = (UnixFileMode)0b110_100_100 };
            await writer.WriteEntryAsync(entry, cancellation);
        }
        tar.Position = 0;
        await EngineCallBound.RunAsync($"writing {name} into container {Id[..12]}",
            token => _docker.Containers.ExtractArchiveToContainerAsync(Id, new ContainerPathStatParameters { Path = containerFolder, AllowOverwriteDirWithFile = false }, tar, token), cancellation);
    }

    public async Task<ContainerInspectResponse> InspectAsync(CancellationToken cancellation) =>
        await _docker.Containers.InspectContainerAsync(Id, cancellation);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            try
            {
                try
                {
                    if (DiskWatch is not null)
                        await DiskWatch.DisposeAsync();
                }
                finally
                {
                    // Whatever the watch did, the container is removed and its slot given back.
                    await _onDispose(this);
                }
            }
            finally
            {
                _meter?.AddContainerTime(Stopwatch.GetElapsedTime(_chargedSince));
            }
        }
    }
}
