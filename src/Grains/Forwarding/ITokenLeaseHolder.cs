namespace Actors.Grains.Forwarding;

/// <summary>A grain that keeps a short lease on a tenant's token; the credential grain ends it at once on revocation or rotation.</summary>
public interface ITokenLeaseHolder : IGrainWithStringKey
{
    /// <summary>Forget the leased token: the next call asks the credential grain again.</summary>
    Task EndLease();
}
