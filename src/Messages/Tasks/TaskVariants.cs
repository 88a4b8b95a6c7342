namespace SweLancer.Messages.Tasks;

/// <summary>The task variants of the SWE-Lancer format, spelled as in its task table.</summary>
public static class TaskVariants
{
    public const string IcSwe = "ic_swe";
    public const string SweManager = "swe_manager";

    public static bool IsKnown(string variant) => variant is IcSwe or SweManager;
}
