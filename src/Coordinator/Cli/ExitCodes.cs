namespace SweLancer.Coordinator.Cli;

/// <summary>What every `swelancer` command exits with.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
}
