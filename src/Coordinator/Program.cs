using System.CommandLine;
using Spectre.Console;
using SweLancer.Coordinator.Cli;

// Logs are read in wide windows; do not wrap tables and messages at 80 columns when output is redirected.
if (Console.IsOutputRedirected)
    AnsiConsole.Profile.Width = 200;

var parsed = CommandLine.Build().Parse(args);
if (parsed.Errors.Count > 0 && parsed.CommandResult.Command.Subcommands.Count == 0)
{
    foreach (var error in parsed.Errors)
        Console.Error.WriteLine($"error: {error.Message}");
    Console.Error.WriteLine("Run with --help for the options.");
    return SweepRunner.ExitBadInput;
}

try
{
    return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception ex)
{
    // Users get what went wrong; the stack trace goes to the sweep's log (swelancer.log), not the terminal.
    Console.Error.WriteLine($"error: {ex.GetBaseException().Message}");
    return SweepRunner.ExitFailure;
}
