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

    public static string For(string pathAndQuery)
    {
        var queryStart = pathAndQuery.IndexOf('?');
        var path = queryStart < 0 ? pathAndQuery : pathAndQuery[..queryStart];
        return string.Join('/', path.Split('/').Select(segment => segment.Length == 0 || Words.Contains(segment) ? segment : "{id}"));
    }
}
