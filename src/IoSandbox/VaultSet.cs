using System.Globalization;

namespace Actors.IoSandbox;

/// <summary>One client's vaults in list order, with an id index so cursors and lookups are O(1).</summary>
internal sealed class VaultSet
{
    // Fixed so responses are byte-for-byte repeatable across runs.
    private static readonly DateTime CreatedAt = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly Dictionary<string, int> _positions;

    private VaultSet(Vault[] all)
    {
        All = all;
        _positions = new Dictionary<string, int>(all.Length, StringComparer.Ordinal);
        for (var i = 0; i < all.Length; i++)
        {
            _positions[all[i].Id] = i;
        }
    }

    public IReadOnlyList<Vault> All { get; }

    public int Count => All.Count;

    /// <summary>Vaults derive from the client id and the count alone, so re-registering a client yields the same vaults.</summary>
    public static VaultSet Create(string clientId, int count)
    {
        // At least three digits ("-vault-001"), more when needed so ids still sort in list order.
        var width = Math.Max(3, count.ToString(CultureInfo.InvariantCulture).Length);
        var vaults = new Vault[count];
        for (var n = 1; n <= count; n++)
        {
            var number = n.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
            vaults[n - 1] = new Vault($"{clientId}-vault-{number}", $"Vault {n}", CreatedAt, "ACTIVE");
        }

        return new VaultSet(vaults);
    }

    /// <returns>The vault's position, or -1 when this client has no such vault.</returns>
    public int IndexOf(string vaultId) => _positions.GetValueOrDefault(vaultId, -1);

    public Vault? Find(string vaultId) => IndexOf(vaultId) is var i and >= 0 ? All[i] : null;
}
