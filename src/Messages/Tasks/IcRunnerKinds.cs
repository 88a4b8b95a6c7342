namespace SweLancer.Messages.Tasks;

/// <summary>How an IC task's hidden tests are run.</summary>
public static class IcRunnerKinds
{
    /// <summary>Scripted browser steps against the app served from the container.</summary>
    public const string Browser = "browser";

    /// <summary>A command executed inside the container (SWE-Lancer's pytest style).</summary>
    public const string Command = "command";

    /// <summary>The official SWE-Lancer protocol in the task's own image (ansible-playbook, pytest's exit code).</summary>
    public const string SweLancer = "swelancer";

    public static bool IsKnown(string runner) => runner is Browser or Command or SweLancer;
}
