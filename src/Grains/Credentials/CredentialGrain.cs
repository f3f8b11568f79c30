using System.Security.Cryptography;
using Actors.Grains.Forwarding;
using Actors.Grains.Hosting;
using Actors.Grains.Io;
using Actors.Grains.Secrets;
using Actors.Grains.Storage;
using Actors.Grains.Telemetry;
using Actors.Grains.Tenants;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace Actors.Grains.Credentials;

/// <summary>
/// The only owner of a tenant's token lifecycle in the cluster. Registration and revocation are serialised by
/// Orleans; token requests interleave with them, so they are single-flighted through <see cref="_renewal"/> and
/// a renewal started under older credentials is discarded (<see cref="_generation"/>).
/// </summary>
internal sealed class CredentialGrain(
    [FromKeyedServices(StorageNames.Actors)] IGrainStorage storage,
    IoClient io,
    SecretProtector protector,
    IOptions<TokenOptions> tokenOptions,
    IOptions<IoOptions> ioOptions,
    [FromKeyedServices(ActorsClock.Key)] TimeProvider time,
    TokenMetrics metrics,
    ILogger<CredentialGrain> logger) : Grain, ICredentialGrain
{
    /// <summary>Read when the grain activates, the moment its grain id is at hand.</summary>
    private StoredState<CredentialState> _stored = null!;
    private readonly TokenOptions _options = tokenOptions.Value;
    private readonly LeaseHolders _leaseHolders = new();
    private TenantId _tenant;
    private string? _secret;
    private IssuedToken? _token;
    private long _tokenVersion;
    private long _generation;
    private Task? _renewal;
    private TokenBrake _brake = TokenBrake.None;
    private int _refreshCount;
    private DateTimeOffset? _lastRefreshAt;
    private string? _lastError;
    private DateTimeOffset _callsPausedUntil;
    private DateTimeOffset _lastRefusalRenewal = DateTimeOffset.MinValue;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _tenant = TenantId.Parse(this.GetPrimaryKeyString());
        _stored = new StoredState<CredentialState>(storage, "credentials", this.GetGrainId());
        await _stored.ReadAsync();
        metrics.TenantActivated();
        // Versions of an earlier activation may still be reported by forwarding grains: start far from them.
        _tokenVersion = Random.Shared.NextInt64(1, 1L << 48) << 12;
        if (_stored.State.Secret is not { } sealedSecret)
            return;
        try
        {
            _secret = protector.Unprotect(_tenant, sealedSecret);
        }
        catch (CryptographicException)
        {
            CredentialLog.Undecryptable(logger, _tenant.Value);
            _lastError = "the stored secret cannot be decrypted with the configured keys";
            return;
        }
        if (protector.NeedsRewrap(sealedSecret))
        {
            // Key rotation: re-encrypt under the current key the first time the tenant is used.
            _stored.State.Secret = protector.Protect(_tenant, _secret);
            await _stored.WriteAsync();
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.TenantDeactivated();
        return Task.CompletedTask;
    }

    public async Task<CredentialChange> Register(string clientId, string clientSecret)
    {
        var requestedAt = time.GetUtcNow();
        var answer = await io.RequestTokenAsync(clientId, clientSecret, requestedAt, CancellationToken.None);
        metrics.Renewal(answer.Kind.ToString().ToLowerInvariant(), time.GetUtcNow() - requestedAt);
        if (answer.Kind != TokenAnswerKind.Issued)
        {
            CredentialLog.ChangeRefused(logger, _tenant.Value, answer.Error!);
            var outcome = answer.Kind == TokenAnswerKind.Rejected ? CredentialChangeOutcome.Rejected : CredentialChangeOutcome.Unavailable;
            return new CredentialChange(outcome, Status(), answer.Error);
        }

        var rotation = _stored.State.ClientId is not null;
        var sealedSecret = protector.Protect(_tenant, clientSecret);
        await WriteAsync(state =>
        {
            state.ClientId = clientId;
            state.Secret = sealedSecret;
            state.UpdatedAt = requestedAt;
        });

        // From here on nothing awaits: no token request can interleave between the swap and the new token.
        _generation++;
        _secret = clientSecret;
        _brake = TokenBrake.None;
        // New credentials deserve a renewal on their first refusal.
        _lastRefusalRenewal = DateTimeOffset.MinValue;
        Accept(answer, requestedAt);
        await EndLeasesAsync();
        if (rotation)
            CredentialLog.Rotated(logger, _tenant.Value, clientId);
        else
            CredentialLog.Registered(logger, _tenant.Value, clientId);
        return new CredentialChange(CredentialChangeOutcome.Accepted, Status(), null);
    }

    public async Task Revoke()
    {
        // Memory first: from this moment no caller gets the token, even while storage is being cleared.
        _generation++;
        _secret = null;
        _token = null;
        _brake = TokenBrake.None;
        _lastError = null;
        await EndLeasesAsync();
        try
        {
            await _stored.ClearAsync();
        }
        catch (InconsistentStateException)
        {
            await _stored.ReadAsync();
            await _stored.ClearAsync();
        }
        CredentialLog.Revoked(logger, _tenant.Value);
    }

    public Task<CredentialStatus> GetStatus() => Task.FromResult(Status());

    public async Task<TokenGrant> GetToken(ITokenLeaseHolder? holder)
    {
        if (holder is not null)
            _leaseHolders.Add(holder);
        if (Grant(time.GetUtcNow()) is { } grant)
            return grant;
        metrics.Waited();
        await RenewAsync();
        return Grant(time.GetUtcNow()) ?? TokenGrant.Failed(IoFailure.UpstreamUnavailable, TimeSpan.FromSeconds(1));
    }

    public Task PauseCalls(TimeSpan wait)
    {
        var max = ioOptions.Value.MaxThrottlePause;
        var until = time.GetUtcNow() + (wait < max ? wait : max);
        if (until > _callsPausedUntil)
            _callsPausedUntil = until;
        return Task.CompletedTask;
    }

    public async Task<TokenGrant> ReportRefused(long tokenVersion)
    {
        var now = time.GetUtcNow();
        // A late report about an older token must not throw away a newer one; and when io refuses even fresh
        // tokens (it has revoked the account's access), renewing on every refusal would only storm its token endpoint.
        if (_token is { } current && current.Version == tokenVersion && now - _lastRefusalRenewal >= _options.RefusedTokenRenewalInterval)
        {
            _lastRefusalRenewal = now;
            _token = null;
            await RenewAsync();
        }
        else if (_renewal is { IsCompleted: false } renewal)
        {
            await renewal;
        }
        return await GetToken(null);
    }

    /// <summary>Makes every grain that leased the old token ask again, so that a revocation or rotation is seen at once.</summary>
    private async Task EndLeasesAsync()
    {
        var holders = _leaseHolders.TakeAll();
        try
        {
            await Task.WhenAll(holders.Select(h => h.EndLease())).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
            // A holder that cannot be reached keeps its lease for at most a second: nothing to undo.
            CredentialLog.LeaseEndFailed(logger, _tenant.Value, e.GetType().Name);
        }
    }

    /// <summary>A grant from what is known now, or null when a token request is needed.</summary>
    private TokenGrant? Grant(DateTimeOffset now)
    {
        if (_secret is null)
            return TokenGrant.Missing;
        var braked = _brake.Holds(now);
        if (_token is { } token && now < token.UsableUntil)
        {
            if (now >= token.RenewAt && !braked)
                _ = RenewAsync();
            metrics.HandedOut(now - token.IssuedAt);
            return TokenGrant.From(token, _callsPausedUntil);
        }
        return braked ? TokenGrant.Failed(_brake.Failure, _brake.Until - now) : null;
    }

    private Task RenewAsync()
    {
        if (_renewal is not { IsCompleted: false })
            _renewal = RenewCoreAsync();
        return _renewal;
    }

    private async Task RenewCoreAsync()
    {
        if (HasNoCredentials)
            return;
        var generation = _generation;
        var requestedAt = time.GetUtcNow();
        var answer = await io.RequestTokenAsync(_stored.State.ClientId!, _secret!, requestedAt, CancellationToken.None);
        metrics.Renewal(answer.Kind.ToString().ToLowerInvariant(), time.GetUtcNow() - requestedAt);
        if (generation != _generation)
            return;
        if (answer.Kind == TokenAnswerKind.Issued)
        {
            if (_brake.Failures > 0)
                CredentialLog.Recovered(logger, _tenant.Value, _brake.Failures);
            _brake = TokenBrake.None;
            Accept(answer, requestedAt);
            return;
        }

        _lastError = answer.Error;
        if (answer.Kind == TokenAnswerKind.Rejected)
        {
            // The pair is refused: a token made with it is worthless, and asking again soon would only hammer io.
            _token = null;
            _brake = _brake.Reject(requestedAt, _options);
            CredentialLog.Rejected(logger, _tenant.Value, answer.Error!, _brake.Until - requestedAt);
        }
        else
        {
            _brake = _brake.Fail(requestedAt, _options);
            CredentialLog.RenewalFailed(logger, _tenant.Value, answer.Error!, _brake.Until - requestedAt);
        }
    }

    private bool HasNoCredentials => _secret is null || _stored.State.ClientId is null;

    private void Accept(TokenAnswer answer, DateTimeOffset requestedAt)
    {
        _token = IssuedToken.Create(answer.AccessToken!, ++_tokenVersion, requestedAt, answer.Lifetime, _options, Random.Shared.NextDouble());
        _refreshCount++;
        _lastRefreshAt = requestedAt;
        _lastError = null;
        CredentialLog.Renewed(logger, _tenant.Value, answer.Lifetime);
    }

    private async Task WriteAsync(Action<CredentialState> change)
    {
        change(_stored.State);
        try
        {
            await _stored.WriteAsync();
        }
        catch (InconsistentStateException)
        {
            // Another activation wrote meanwhile (possible only during cluster instability): take its version, then apply ours.
            await _stored.ReadAsync();
            change(_stored.State);
            await _stored.WriteAsync();
        }
    }

    private CredentialStatus Status()
    {
        var state = _secret is null ? CredentialStates.None
            : _brake.Rejected ? CredentialStates.Rejected
            : CredentialStates.Active;
        return new CredentialStatus(
            _tenant.Value,
            _secret is null ? null : _stored.State.ClientId,
            state,
            _token?.ExpiresAt,
            _lastRefreshAt,
            _refreshCount,
            _brake.Failures,
            _lastError,
            _secret is null ? null : _stored.State.UpdatedAt);
    }
}
