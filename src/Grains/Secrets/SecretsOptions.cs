namespace Actors.Grains.Secrets;

/// <summary>The keys that encrypt client secrets at rest. Bound from <c>Actors:Secrets</c>; never kept in the store.</summary>
public sealed class SecretsOptions
{
    public const string Section = "Actors:Secrets";

    /// <summary>Every key that may still be needed to decrypt; each an id and 32 random bytes in base64.</summary>
    public List<SecretKeyOptions> Keys { get; set; } = [];

    /// <summary>The key new writes use. Default: the first key's id.</summary>
    public string? CurrentKeyId { get; set; }
}

public sealed class SecretKeyOptions
{
    public string Id { get; set; } = "";

    /// <summary>32 random bytes, base64 (for example <c>openssl rand -base64 32</c>).</summary>
    public string Key { get; set; } = "";
}
