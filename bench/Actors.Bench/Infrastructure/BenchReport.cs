using System.Runtime.InteropServices;
using System.Text;

namespace Actors.Bench.Infrastructure;

/// <summary>Prints a scenario's figures and appends them, with machine, date and command, to docs/benchmarks.md.</summary>
internal sealed class BenchReport(string title, string command)
{
    private readonly StringBuilder _body = new();

    public void Line(string text)
    {
        Console.WriteLine(text);
        _body.AppendLine(text);
    }

    public void Table(string[] header, IEnumerable<string[]> rows)
    {
        Line("| " + string.Join(" | ", header) + " |");
        Line("|" + string.Concat(header.Select(_ => "---|")));
        foreach (var row in rows)
            Line("| " + string.Join(" | ", row) + " |");
    }

    public void Save()
    {
        var path = Path.Combine(Repository.Root, "docs", "benchmarks.md");
        if (!File.Exists(path))
            File.WriteAllText(path, "# Benchmarks\n\nFigures written by `bench/Actors.Bench`; each run appends a section. Newest last.\n");
        var section = new StringBuilder()
            .AppendLine()
            .AppendLine($"## {title} — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC")
            .AppendLine()
            .AppendLine($"Command: `{command}`  ")
            .AppendLine($"Machine: {Environment.ProcessorCount} cores, {CpuModel()}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, {Repository.Configuration} build")
            .AppendLine()
            .Append(_body);
        File.AppendAllText(path, section.ToString());
        Console.WriteLine($"Appended to {path}");
    }

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        }
        catch (IOException)
        {
            return "unknown CPU";
        }
    }
}
