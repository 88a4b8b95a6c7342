using System.CommandLine;
using SweLancer.GraderNode.Hosting;
using SweLancer.Hosting.Nodes;

namespace SweLancer.GraderNode;

/// <summary>`swelancer-grader`: one grader node of a cluster.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var root = GraderCommand.Build();
        ParseResult parsed;
        try
        {
            parsed = root.Parse(args);
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"error: the command line could not be read: {ex.GetBaseException().Message}");
            return 2;
        }

        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
                Console.Error.WriteLine($"error: {error.Message}");
            Console.Error.WriteLine("Run with --help for the options.");
            return 2;
        }

        using var signal = new ShutdownSignal();
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, signal.Token);
        }
        catch (OperationCanceledException) when (signal.Token.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"error: {ex.GetBaseException().Message}");
            return 1;
        }
    }
}
