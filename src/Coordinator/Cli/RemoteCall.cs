using Spectre.Console;

namespace SweLancer.Coordinator.Cli;

/// <summary>Turns the coordinator's refusals into `error:` lines and exit codes: 2 for a refused request, 1 when it cannot be reached.</summary>
public static class RemoteCall
{
    public static async Task<int> RunAsync(Func<Task<int>> call)
    {
        try
        {
            return await call();
        }
        catch (CoordinatorRefusedException ex)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (CoordinatorUnreachableException ex)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return ExitCodes.Failure;
        }
    }
}
