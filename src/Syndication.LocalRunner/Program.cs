using Syndication.LocalRunner;

return await RunnerCommand.RunAsync(args);
