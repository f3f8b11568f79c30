using Actors.Grains.Forwarding;

namespace Actors.Grains.Credentials;

/// <summary>
/// The grains that leased a tenant's token. Most tenants have one such grain, their account grain, so it is kept
/// in a field; a set is made only when a second one leases (a tenant's vault grains).
/// </summary>
internal sealed class LeaseHolders
{
    private ITokenLeaseHolder? _first;
    private HashSet<ITokenLeaseHolder>? _others;

    public void Add(ITokenLeaseHolder holder)
    {
        if (_first is null || _first.Equals(holder))
            _first = holder;
        else
            (_others ??= []).Add(holder);
    }

    /// <summary>Every holder, once: the set starts empty again.</summary>
    public ITokenLeaseHolder[] TakeAll()
    {
        ITokenLeaseHolder[] holders = _first is null ? [] : [_first, .. _others ?? []];
        _first = null;
        _others = null;
        return holders;
    }
}
