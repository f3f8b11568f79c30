namespace Actors.IoSandbox;

/// <summary>A freshly issued token; <see cref="ExpiresIn"/> is null when the current <see cref="LifetimeSource"/> hides it.</summary>
internal sealed record TokenGrant(string AccessToken, int? ExpiresIn);
