using System.Text;

namespace Actors.Grains.Telemetry;

/// <summary>
/// An io path reduced to a template for metric labels: io's own words stay, ids become <c>{id}</c>. Bounded
/// cardinality whatever callers send.
/// </summary>
public static class IoRouteTemplate
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "v1", "vaults", "assets", "transactions", "transfer", "native", "token", "sign-and-broadcast", "signatures", "sign",
        "network", "directory", "address", "transfers", "statement", "rules", "executions", "addresses", "ecosystem", "chain",
        "hd-addresses", "bulk", "balances", "tokens", "chains", "transaction", "scan-transaction", "build-native-transaction",
        "build-token-transaction", "validate", "evm", "svm", "utxo", "xrp", "tvm", "substrate", "solana", "ripple", "btc",
        "tron", "bittensor",
    };

    // Looked up by span, so that a path's segments are never cut into strings of their own: this runs on every call.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> WordsBySpan = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string For(string pathAndQuery)
    {
        var queryStart = pathAndQuery.IndexOf('?');
        var path = queryStart < 0 ? pathAndQuery.AsSpan() : pathAndQuery.AsSpan(0, queryStart);
        var template = new StringBuilder(path.Length + 8);
        foreach (var range in path.Split('/'))
        {
            if (range.Start.Value > 0)
                template.Append('/');
            var segment = path[range];
            if (segment.IsEmpty || WordsBySpan.Contains(segment))
                template.Append(segment);
            else
                template.Append("{id}");
        }
        return template.ToString();
    }
}
