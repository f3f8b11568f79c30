using Actors.Grains.Credentials;
using Actors.Grains.Io;
using Actors.Grains.Tenants;

namespace Actors.Grains.Forwarding;

/// <summary>
/// Carries a grain's io calls for one tenant: attaches the tenant's token; on a 401 reports the token to the
/// credential grain and retries once with the token it hands back (a second 401 goes back to the caller); on a 429
/// pauses the tenant's calls for as long as io asked.
/// </summary>
internal sealed class TenantIoChannel(TenantId tenant, ICredentialGrain credential, ITokenLeaseHolder holder, IoClient io, TimeProvider time, TimeSpan maxHold, TimeSpan maxPause)
{
    /// <summary>
    /// How long a token is reused without asking the credential grain again. The credential grain ends leases at
    /// once on revocation or rotation; keeping them short bounds what a missed notice could cost.
    /// </summary>
    private static readonly TimeSpan LeaseLength = TimeSpan.FromSeconds(1);

    private TokenGrant? _lease;
    private DateTimeOffset _leaseEnds;
    private DateTimeOffset _pausedUntil;

    public async Task<IoResponse> SendAsync(IoRequest request)
    {
        var grant = await LeaseAsync();
        if (grant.Failure != IoFailure.None)
            return IoResponse.Failed(grant.Failure, grant.RetryAfter);
        if (!await WaitOutPauseAsync())
            return IoResponse.Failed(IoFailure.UpstreamUnavailable, _pausedUntil - time.GetUtcNow());

        var response = await io.SendAsync(tenant, request, grant.AccessToken!, CancellationToken.None);
        if (response.Status == 429)
        {
            await PauseAsync(response.RetryAfter ?? TimeSpan.FromSeconds(1));
            return response;
        }
        if (response.Status != 401)
            return response;

        _lease = null;
        var renewed = await credential.ReportRefused(grant.Version);
        if (renewed.Failure != IoFailure.None)
            return IoResponse.Failed(renewed.Failure, renewed.RetryAfter);
        Keep(renewed);
        // The credential grain kept the refused token (it renewed moments ago): sending it again would only be refused again.
        if (renewed.Version == grant.Version)
            return response;
        return await io.SendAsync(tenant, request, renewed.AccessToken!, CancellationToken.None);
    }

    public void EndLease() => _lease = null;

    /// <summary>
    /// While io's 429 pause is in force, a call holds if the pause ends soon, and fails fast if not: either way
    /// the tenant's callers do not keep hitting io.
    /// </summary>
    private async ValueTask<bool> WaitOutPauseAsync()
    {
        var wait = _pausedUntil - time.GetUtcNow();
        if (wait <= TimeSpan.Zero)
            return true;
        if (wait > maxHold)
            return false;
        await Task.Delay(wait, time);
        return true;
    }

    private async Task PauseAsync(TimeSpan wait)
    {
        // The same cap the credential grain applies cluster-wide: no Retry-After stops a tenant for long.
        if (wait > maxPause)
            wait = maxPause;
        _pausedUntil = time.GetUtcNow() + wait;
        // Every other grain of the tenant, on any silo, learns of the pause with its next lease.
        await credential.PauseCalls(wait);
    }

    private ValueTask<TokenGrant> LeaseAsync() =>
        _lease is { } lease && time.GetUtcNow() < _leaseEnds
            ? ValueTask.FromResult(lease)
            : new ValueTask<TokenGrant>(FetchAsync());

    private async Task<TokenGrant> FetchAsync()
    {
        var grant = await credential.GetToken(holder);
        if (grant.Failure == IoFailure.None)
            Keep(grant);
        return grant;
    }

    private void Keep(TokenGrant grant)
    {
        _lease = grant;
        var leaseEnds = time.GetUtcNow() + LeaseLength;
        _leaseEnds = leaseEnds < grant.UsableUntil ? leaseEnds : grant.UsableUntil;
        if (grant.CallsPausedUntil > _pausedUntil)
            _pausedUntil = grant.CallsPausedUntil;
    }
}
