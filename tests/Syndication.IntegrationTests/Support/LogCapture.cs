using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Syndication.Tests.Support;

/// <summary>A logger provider that keeps every entry's level and structured properties (not its text) for a test to inspect.</summary>
public sealed class LogCapture : ILoggerProvider
{
    public sealed record Entry(string Category, LogLevel Level, IReadOnlyDictionary<string, object?> Properties);

    private readonly ConcurrentQueue<Entry> entries = new();

    public IReadOnlyList<Entry> Entries => entries.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            entries.Enqueue(new Entry(category, logLevel, properties.ToDictionary(p => p.Key, p => p.Value)));
        }
    }
}
