using SweLancer.GraderNode.Containers;
using SweLancer.GraderNode.Patching;
using SweLancer.Messages.Tasks;

namespace SweLancer.GraderNode.Ic;

/// <summary>
/// The test command as it is run: its program resolved to an absolute path in a fresh container of the image, before
/// anything of the patch is installed, and checked to lie outside the app's folders (the only ones a patch reaches),
/// so a model cannot put its own program in the way. A shadow <c>sh</c> earlier in PATH "passed" every command task
/// (issue 10). Whatever the command then runs by name stays the image's business.
/// </summary>
public static class TestCommand
{
    // The PATH search done by hand (busybox's `command -v` answers "sh" for its own applets), then readlink -f (where the
    // image has it) for where the program really is.
    private const string Resolve =
        "case \"$1\" in /*) [ -f \"$1\" ] && [ -x \"$1\" ] && p=$1;; *) IFS=:; for d in $PATH; do " +
        "if [ -f \"$d/$1\" ] && [ -x \"$d/$1\" ]; then p=$d/$1; break; fi; done;; esac; " +
        "[ -n \"$p\" ] || exit 127; printf '%s\\n' \"$p\"; readlink -f -- \"$p\" 2>/dev/null || true";

    /// <exception cref="InfrastructureException">The command cannot be pinned down (a task error: not retryable).</exception>
    public static async Task<IReadOnlyList<string>> ResolveAsync(ContainerLease pristine, IcTaskSpec spec, CancellationToken cancellation)
    {
        var argv = spec.TestCommand!;
        var program = argv[0];
        var folders = PatchPolicy.AppFolders(spec);
        if (!program.StartsWith('/') && program.Contains('/'))
            throw Unusable($"test_command[0] '{program}' is a path relative to the cwd, inside the app a patch may change; name a program on the image's PATH or give an absolute path");

        var result = await pristine.RunStepAsync("resolving the test command", ["/bin/sh", "-c", Resolve, "sh", program], "/", cancellation);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (result.ExitCode != 0 || lines.Length == 0 || !lines[0].StartsWith('/'))
            throw Unusable($"test_command[0] '{program}' is not a program in image {spec.Image} (PATH search: exit {result.ExitCode} {result.Output})");
        foreach (var path in lines.Where(l => l.StartsWith('/')))
        {
            var relative = path.TrimStart('/');
            if (folders.FirstOrDefault(f => relative == f || relative.StartsWith(f + "/", StringComparison.Ordinal)) is { } folder)
                throw Unusable($"test_command[0] '{program}' is {path}, inside the app's folder {folder} that a patch may change");
        }
        return [lines[0], .. argv.Skip(1)];
    }

    private static InfrastructureException Unusable(string reason) => new(reason, retryable: false);
}
