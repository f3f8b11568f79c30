using System.Collections.Concurrent;

namespace Actors.IoSandbox;

/// <summary>
/// Everything the sandbox knows: clients and their vaults, issued tokens, settings and counters.
/// Public so in-process tests can arrange scenarios and assert on counters without going through HTTP.
/// </summary>
public sealed class SandboxState
{
    public const int DefaultVaultCount = 25;

    // Tokens that expire and are never presented again would pile up in long benchmark runs; sweep them now and then.
    private const int IssuesPerSweep = 1024;

    private readonly TimeProvider _time;
    private readonly SandboxCounters _counters = new();
    private readonly ConcurrentDictionary<string, SandboxClient> _clients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);

    // Clients whose every token io refuses, as when io revokes an account's access without deleting its key.
    private readonly ConcurrentDictionary<string, bool> _refusedClients = new(StringComparer.Ordinal);

    // Per client rather than global, so parallel tests with their own clients cannot disturb each other.
    private readonly ConcurrentDictionary<string, ArmedFault[]> _faults = new(StringComparer.Ordinal);

    // Every token ever issued, so that tests can search logs, responses and stores for them.
    private readonly ConcurrentQueue<string> _issuedHistory = new();

    private readonly VaultLedger<Signature> _signatures = new(signature => signature.Id);
    private readonly VaultLedger<Transfer> _transfers = new(transfer => transfer.Id);

    // Serialises issuing against revoking/removing, so no token can slip in after a revoke or delete has returned.
    private readonly Lock _issueGate = new();
    private int _issuesSinceSweep; // guarded by _issueGate

    private long _tokenLifetimeTicks;
    private long _tokenEndpointLatencyTicks;
    private int _lifetimeSource;

    public SandboxState(TimeProvider time, TimeSpan tokenLifetime)
    {
        _time = time;
        TokenLifetime = tokenLifetime;
    }

    /// <summary>Lifetime of tokens issued from now on; already issued tokens keep theirs.</summary>
    public TimeSpan TokenLifetime
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _tokenLifetimeTicks));
        set
        {
            // io reports whole seconds, and a token that is born expired is never what a test wants.
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.FromSeconds(1));
            Interlocked.Exchange(ref _tokenLifetimeTicks, value.Ticks);
        }
    }

    public LifetimeSource LifetimeSource
    {
        get => (LifetimeSource)Volatile.Read(ref _lifetimeSource);
        set
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown lifetime source.");
            }

            Volatile.Write(ref _lifetimeSource, (int)value);
        }
    }

    /// <summary>When set, the token endpoint answers every well-formed request with this status (an io outage).</summary>
    public int? TokenEndpointFailure { get; set; }

    /// <summary>Real time every token request waits before it is answered (a slow io), at most a day. Default zero.</summary>
    public TimeSpan TokenEndpointLatency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _tokenEndpointLatencyTicks));
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, Delays.Max);
            Interlocked.Exchange(ref _tokenEndpointLatencyTicks, value.Ticks);
        }
    }

    public int TokenRequestsTotal => _counters.TokenRequestsTotal;

    public int Unauthorized => _counters.Unauthorized;

    /// <summary>Adds a client, or replaces its secret and vault count. Vaults derive from id and count, so existing vault ids stay valid.</summary>
    public void AddClient(string clientId, string secret, int vaultCount = DefaultVaultCount)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentOutOfRangeException.ThrowIfNegative(vaultCount);

        lock (_issueGate)
        {
            var vaults = _clients.TryGetValue(clientId, out var existing) && existing.Vaults.Count == vaultCount
                ? existing.Vaults
                : VaultSet.Create(clientId, vaultCount);
            _clients[clientId] = new SandboxClient(secret, vaults);
        }
    }

    /// <summary>Deletes the client and every token it holds, like deleting an API key in io.</summary>
    /// <returns>False when there was no such client.</returns>
    public bool RemoveClient(string clientId)
    {
        lock (_issueGate)
        {
            var removed = _clients.TryRemove(clientId, out _);
            DropTokens(issued => issued.ClientId == clientId);
            return removed;
        }
    }

    /// <summary>Invalidates every token issued so far to the client; the client itself stays.</summary>
    /// <returns>False when there is no such client.</returns>
    public bool RevokeTokens(string clientId)
    {
        lock (_issueGate)
        {
            DropTokens(issued => issued.ClientId == clientId);
            return _clients.ContainsKey(clientId);
        }
    }

    public int TokenRequests(string clientId) => _counters.TokenRequests(clientId);

    /// <summary>While on, every token of the client is answered 401, new ones included; the token endpoint still issues them.</summary>
    public void RefuseTokens(string clientId, bool refuse)
    {
        if (refuse)
            _refusedClients[clientId] = true;
        else
            _refusedClients.TryRemove(clientId, out _);
    }

    /// <summary>
    /// From now on the client's /v1 resource requests misbehave as <paramref name="plan"/> says, replacing any earlier plan
    /// (and restarting its count). Requests that fail authentication are never hit.
    /// </summary>
    /// <exception cref="ArgumentException">The plan contradicts itself or is out of range.</exception>
    public void SetFaults(string clientId, FaultPlan plan) => SetFaults(clientId, [plan]);

    /// <summary>Several plans at once (say 20 % 5xx and 5 % resets): each request is hit by the first plan that hits it, if any.</summary>
    /// <exception cref="ArgumentException">A plan contradicts itself or is out of range.</exception>
    public void SetFaults(string clientId, IReadOnlyList<FaultPlan> plans)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentNullException.ThrowIfNull(plans);
        foreach (var plan in plans)
        {
            if (plan.Problem() is { } problem)
            {
                throw new ArgumentException(problem, nameof(plans));
            }
        }

        _faults[clientId] = plans.Select(plan => new ArmedFault(plan)).ToArray();
    }

    /// <summary>Every signature message the client had io sign, in no particular order: a message seen twice was signed twice.</summary>
    public IReadOnlyList<string> SignedMessages(string clientId) => _signatures.All(clientId).Select(s => s.Message).ToList();

    /// <summary>The client's requests are answered normally again.</summary>
    public void ClearFaults(string clientId) => _faults.TryRemove(clientId, out _);

    /// <summary>The client's requests answered with an injected status or reset since the last <see cref="ResetCounters"/>; mere delays do not count.</summary>
    public int FaultsInjected(string clientId) => _counters.Faults(clientId);

    /// <summary>All clients' requests answered with an injected status or reset since the last <see cref="ResetCounters"/>.</summary>
    public int FaultsInjectedTotal => _counters.FaultsTotal;

    /// <param name="key">"METHOD /route-template", e.g. "GET /v1/vaults/{vaultId}".</param>
    public int Requests(string key) => _counters.Requests(key);

    public void ResetCounters() => _counters.Reset();

    /// <summary>Every access token the sandbox has issued, expired and revoked ones included.</summary>
    public IReadOnlyCollection<string> IssuedTokens() => _issuedHistory.ToArray();

    /// <summary>Distinct signatures created for the client across its vaults; an Idempotency-Key replay does not add one.</summary>
    public int SignaturesCreated(string clientId) => _signatures.Created(clientId);

    /// <summary>Distinct transfers created for the client across its vaults; an Idempotency-Key replay does not add one.</summary>
    public int TransfersCreated(string clientId) => _transfers.Created(clientId);

    internal IReadOnlyDictionary<string, int> TokenRequestsByClient() => _counters.TokenRequestsByClient();

    internal IReadOnlyDictionary<string, int> RequestsByRoute() => _counters.RequestsByRoute();

    internal void CountTokenRequest(string clientId) => _counters.CountTokenRequest(clientId);

    internal void CountRequest(string key) => _counters.CountRequest(key);

    internal void CountUnauthorized() => _counters.CountUnauthorized();

    internal IReadOnlyDictionary<string, int> FaultsInjectedByClient() => _counters.FaultsByClient();

    internal void CountFault(string clientId) => _counters.CountFault(clientId);

    /// <summary>The first of the client's faults that hits this request, if any.</summary>
    internal ArmedFault? FaultFor(string clientId, HttpRequest request) =>
        _faults.TryGetValue(clientId, out var faults) ? faults.FirstOrDefault(fault => fault.TryHit(request)) : null;

    internal VaultSet? VaultsOf(string clientId) => _clients.TryGetValue(clientId, out var client) ? client.Vaults : null;

    /// <returns>The new signature, or the earlier one (Created false) when the same key was already used on the vault.</returns>
    internal (Signature Signature, bool Created) Sign(string clientId, string vaultId, string message, string? idempotencyKey) =>
        _signatures.Add(clientId, vaultId, idempotencyKey, () =>
            new Signature(NewId("sig"), vaultId, "PENDING", message, _time.GetUtcNow().UtcDateTime));

    internal Signature[] SignaturesOf(string clientId, string vaultId) => _signatures.List(clientId, vaultId);

    internal Signature? FindSignature(string clientId, string vaultId, string signatureId) => _signatures.Find(clientId, vaultId, signatureId);

    /// <returns>The new transfer, or the earlier one (Created false) when the same key was already used on the vault.</returns>
    internal (Transfer Transfer, bool Created) TransferNative(string clientId, string vaultId, string chainAlias, string? idempotencyKey) =>
        _transfers.Add(clientId, vaultId, idempotencyKey, () => new Transfer(NewId("tx"), vaultId, chainAlias, "PENDING"));

    internal Transfer? FindTransfer(string clientId, string vaultId, string transferId) => _transfers.Find(clientId, vaultId, transferId);

    /// <returns>The new token, or null when the credentials do not match a client.</returns>
    internal TokenGrant? IssueToken(string clientId, string secret)
    {
        var lifetime = TokenLifetime;
        var source = LifetimeSource;
        var expiresAt = _time.GetUtcNow() + lifetime;

        lock (_issueGate)
        {
            if (!_clients.TryGetValue(clientId, out var client) || client.Secret != secret)
            {
                return null;
            }

            var token = source == LifetimeSource.None ? TokenFactory.Opaque() : TokenFactory.Jwt(clientId, expiresAt);
            _tokens[token] = new IssuedToken(clientId, expiresAt);
            _issuedHistory.Enqueue(token);
            if (++_issuesSinceSweep >= IssuesPerSweep)
            {
                _issuesSinceSweep = 0;
                DropTokens(issued => _time.GetUtcNow() >= issued.ExpiresAt);
            }

            return new TokenGrant(token, source == LifetimeSource.ExpiresIn ? (int)lifetime.TotalSeconds : null);
        }
    }

    /// <returns>The client the token belongs to, or null when it is unknown, revoked or expired.</returns>
    internal string? Authenticate(string? token)
    {
        if (string.IsNullOrEmpty(token) || !_tokens.TryGetValue(token, out var issued))
        {
            return null;
        }

        if (_time.GetUtcNow() >= issued.ExpiresAt)
        {
            _tokens.TryRemove(token, out _);
            return null;
        }

        if (_refusedClients.ContainsKey(issued.ClientId))
        {
            return null;
        }

        return issued.ClientId;
    }

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    private void DropTokens(Func<IssuedToken, bool> match)
    {
        foreach (var (token, issued) in _tokens)
        {
            if (match(issued))
            {
                _tokens.TryRemove(token, out _);
            }
        }
    }
}
