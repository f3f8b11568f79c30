namespace Actors.IoSandbox;

/// <summary>Where a client can learn how long an access token lives; lets tests cover each fallback of a token cache.</summary>
public enum LifetimeSource
{
    /// <summary>The token response carries <c>expiresIn</c> (what io does).</summary>
    ExpiresIn,

    /// <summary>No <c>expiresIn</c>; the lifetime is only in the JWT's <c>exp</c> claim.</summary>
    JwtOnly,

    /// <summary>No <c>expiresIn</c> and an opaque token, so the client has to assume a default lifetime.</summary>
    None,
}
