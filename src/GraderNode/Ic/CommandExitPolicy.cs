using System.Globalization;
using SweLancer.Messages.Events;

namespace SweLancer.GraderNode.Ic;

/// <summary>
/// Decides one run of a task's test command from its exit code and what the harness observed of the container. Exit 0
/// passes. Any other exit is the model's failure, even a signal (137 after <c>kill -9</c>) or a code that looks like a
/// harness error: the model's code can cause every one of them, and a system error is retried and then counts neither
/// way. A system error comes only from what the engine reports: the container stopped or vanished. (The engine and exec
/// call failing are system errors too; they throw before any exit code exists.) The official SWE-Lancer runner, where
/// pytest's codes mean something, keeps its own rule.
/// </summary>
public static class CommandExitPolicy
{
    public static RunVerdict Decide(long exitCode, ContainerAfterRun container)
    {
        if (exitCode == 0)
            return new RunVerdict(GradeOutcome.Passed, Describe(exitCode));
        return container switch
        {
            ContainerAfterRun.Running => new RunVerdict(GradeOutcome.Failed, Describe(exitCode)),
            ContainerAfterRun.OutOfMemory => new RunVerdict(GradeOutcome.Failed, $"the container ran out of memory: {Describe(exitCode)}"),
            ContainerAfterRun.Stopped => new RunVerdict(GradeOutcome.SystemError, $"the container stopped during the test run ({Describe(exitCode)})", Retryable: true),
            _ => new RunVerdict(GradeOutcome.SystemError, $"the container vanished during the test run ({Describe(exitCode)})", Retryable: true),
        };
    }

    /// <summary><c>test command exited with 137 (killed by signal 9, SIGKILL)</c>: shells and the engine report a signal n as 128+n.</summary>
    public static string Describe(long exitCode)
    {
        var text = $"test command exited with {exitCode.ToString(CultureInfo.InvariantCulture)}";
        var signal = exitCode - 128;
        return signal is >= 1 and <= 64 ? $"{text} (killed by signal {signal}, {SignalName((int)signal)})" : text;
    }

    private static readonly string[] Names =
    [
        "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV",
        "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN",
        "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS",
    ];

    // Linux numbering; 32 and 33 are glibc's own, 34..64 the real-time signals.
    private static string SignalName(int signal) => signal switch
    {
        <= 31 => Names[signal - 1],
        34 => "SIGRTMIN",
        > 34 => $"SIGRTMIN+{signal - 34}",
        _ => $"SIG{signal}",
    };
}
