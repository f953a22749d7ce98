using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Syndication.Benchmarks;

/// <summary>Adds the rendered size and the allocated-bytes-per-output-byte ratio (goal: at most 2) to the render table.</summary>
public sealed class OutputColumns : ManualConfig
{
    public OutputColumns()
    {
        AddColumn(new Column("Output", (_, c) => $"{Size(c):N0} B"));
        AddColumn(new Column("Alloc/Output", (s, c) =>
            s[c]?.GcStats.GetBytesAllocatedPerOperation(c) is long allocated ? $"{(double)allocated / Size(c):0.00}" : "?"));
    }

    private static int Size(BenchmarkCase c) => RenderBenchmarks.OutputBytes(c.Descriptor.WorkloadMethod.Name);

    private sealed class Column(string name, Func<Summary, BenchmarkCase, string> value) : IColumn
    {
        public string Id => name;
        public string ColumnName => name;
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => name == "Output" ? "Bytes of the rendered feed" : "Bytes allocated per render / bytes of output";
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => value(summary, benchmarkCase);
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => value(summary, benchmarkCase);
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
    }
}
