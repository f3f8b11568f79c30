using Actors.Bench.Scenarios;

// Scenarios are chosen on the command line; each prints its figures and appends them to docs/benchmarks.md.
var command = "dotnet run -c Release --project bench/Actors.Bench -- " + string.Join(' ', args);
var scenario = args.FirstOrDefault() ?? "help";
var options = Options.Parse(args.Skip(1));

switch (scenario)
{
    case "proxy":
        await ProxyAsync();
        break;
    case "storm":
        await StormAsync();
        break;
    case "scale":
        await ScaleAsync();
        break;
    case "soak":
        await SoakAsync();
        break;
    case "all":
        // A full run in one go, each scenario with its defaults: about a quarter of an hour.
        await ProxyAsync();
        await StormAsync();
        await ScaleAsync();
        await SoakAsync();
        break;
    case "sandbox-host":
        await Hosts.RunSandboxAsync(options.Int("port", 0));
        break;
    case "yarp-host":
        await Hosts.RunYarpAsync(options.Int("port", 0), options.Values["upstream"], options.Values["token"]);
        break;
    default:
        Console.WriteLine("""
            usage: dotnet run -c Release --project bench/Actors.Bench -- <scenario> [--name value …]
              proxy  [--connections 64] [--seconds 10] [--rounds 2]  direct vs YARP with a cached token vs Actors; coalescing
              storm  [--tenants 1000] [--callers 20]                token requests when every tenant is called at once, cold:
                     [--silos 1|3] [--apis 2]                       standalone, then 3 Silo and 2 Api processes on Redis; --silos picks one
              scale  [--tenants 100000] [--callers 32] [--hold 0]   memory per active tenant, activation rate; --hold s
                                                                    keeps Actors up after each measurement (for dotnet-gcdump)
              soak   [--minutes 5] [--tenants 50] [--callers 32]   io failing 20 % 5xx, 5 % resets, 1 % 429
              all                                                   every scenario above with its defaults, in turn
            """);
        return scenario == "help" ? 0 : 2;
}
return 0;

Task ProxyAsync() =>
    ProxyScenario.RunAsync(options.Int("connections", 64), TimeSpan.FromSeconds(options.Double("seconds", 10)), options.Int("rounds", 2), command);

async Task StormAsync()
{
    // Standalone (the one silo inside the Api), then the cluster; --silos runs only one of the two.
    foreach (var silos in options.Values.ContainsKey("silos") ? [options.Int("silos", 3)] : new[] { 1, 3 })
    {
        if (silos == 1)
            await StormScenario.RunAsync(options.Int("tenants", 1000), options.Int("callers", 20), command);
        else
            await ClusterStormScenario.RunAsync(options.Int("tenants", 1000), options.Int("callers", 20), silos, options.Int("apis", 2), command);
    }
}

Task ScaleAsync() =>
    ScaleScenario.RunAsync(options.Int("tenants", 100_000), options.Int("callers", 32), TimeSpan.FromSeconds(options.Double("hold", 0)), command);

Task SoakAsync() =>
    SoakScenario.RunAsync(TimeSpan.FromMinutes(options.Double("minutes", 5)), options.Int("tenants", 50), options.Int("callers", 32), command);

/// <summary>"--name value" pairs.</summary>
internal sealed record Options(Dictionary<string, string> Values)
{
    public static Options Parse(IEnumerable<string> args)
    {
        var values = new Dictionary<string, string>();
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
                name = arg[2..];
            else if (name is not null)
                values[name] = arg;
        }
        return new Options(values);
    }

    public int Int(string name, int fallback) => Values.TryGetValue(name, out var v) ? int.Parse(v) : fallback;

    public double Double(string name, double fallback) =>
        Values.TryGetValue(name, out var v) ? double.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
