namespace Actors.Grains.Access;

/// <summary>Where a tenant's key may be used from: CIDR ranges; none means anywhere.</summary>
[GenerateSerializer, Alias("Actors.TenantAccessState")]
public sealed class TenantAccessState
{
    [Id(0)] public string[] IpAllowlist { get; set; } = [];
}
