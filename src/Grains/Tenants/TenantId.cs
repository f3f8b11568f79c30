using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Actors.Grains.Tenants;

/// <summary>A tenant's id: 1–64 characters of <c>[A-Za-z0-9_-]</c>, so it is safe in a URL, a grain key and a log line.</summary>
public readonly partial record struct TenantId
{
    private TenantId(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse([NotNullWhen(true)] string? value, out TenantId tenantId)
    {
        if (value is not null && Pattern().IsMatch(value))
        {
            tenantId = new TenantId(value);
            return true;
        }
        tenantId = default;
        return false;
    }

    public static TenantId Parse(string value) =>
        TryParse(value, out var id) ? id : throw new FormatException("A tenant id is 1-64 characters of A-Z, a-z, 0-9, '_' or '-'.");

    public override string ToString() => Value;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
