using SweLancer.Coordinator.Cli;

return await CommandLine.Build().Parse(args).InvokeAsync();
