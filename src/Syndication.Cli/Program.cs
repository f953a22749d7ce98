using Syndication.Cli;

return await CliApp.RunAsync(args, CliEnvironment.FromProcess());
