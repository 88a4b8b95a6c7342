using System.CommandLine;
using Spectre.Console;
using SweLancer.Coordinator.Cli;
using SweLancer.Hosting.Nodes;

// Logs are read in wide windows; do not wrap tables and messages at 80 columns when output is redirected.
if (Console.IsOutputRedirected)
    AnsiConsole.Profile.Width = 200;

ParseResult parsed;
try
{
    parsed = CommandLine.Build().Parse(args);
}
catch (Exception ex)
{
    Console.Error.WriteLine($"error: the command line could not be read: {ex.GetBaseException().Message}");
    return ExitCodes.BadInput;
}

if (parsed.Errors.Count > 0 && parsed.CommandResult.Command.Subcommands.Count == 0)
{
    foreach (var error in parsed.Errors)
        Console.Error.WriteLine($"error: {error.Message}");
    Console.Error.WriteLine("Run with --help for the options.");
    return ExitCodes.BadInput;
}

// Our own SIGTERM/SIGINT handling: a node leaving the cluster needs longer than System.CommandLine's 2 s grace.
using var signal = new ShutdownSignal();
try
{
    return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, signal.Token);
}
catch (Exception ex)
{
    // Users get what went wrong; the stack trace goes to the sweep's log (swelancer.log), not the terminal.
    Console.Error.WriteLine($"error: {ex.GetBaseException().Message}");
    return ExitCodes.Failure;
}
