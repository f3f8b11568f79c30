namespace Actors.IoSandbox;

/// <summary>What the sandbox remembers about an access token it handed out.</summary>
internal sealed record IssuedToken(string ClientId, DateTimeOffset ExpiresAt);
