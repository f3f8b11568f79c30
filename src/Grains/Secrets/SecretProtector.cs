using System.Security.Cryptography;
using System.Text;
using Actors.Grains.Tenants;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Secrets;

/// <summary>
/// Encrypts client secrets with AES-GCM under the current configured key, binding the tenant id as associated
/// data so that a ciphertext copied into another tenant's record does not decrypt. Older keys still decrypt,
/// which is what makes key rotation possible.
/// </summary>
public sealed class SecretProtector
{
    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _currentKeyId;

    public SecretProtector(IOptions<SecretsOptions> options)
    {
        var secrets = options.Value;
        _keys = secrets.Keys.ToDictionary(k => k.Id, k => Convert.FromBase64String(k.Key), StringComparer.Ordinal);
        _currentKeyId = secrets.CurrentKeyId ?? secrets.Keys[0].Id;
    }

    public ProtectedSecret Protect(TenantId tenant, string secret)
    {
        var plaintext = Encoding.UTF8.GetBytes(secret);
        var sealedSecret = new ProtectedSecret
        {
            KeyId = _currentKeyId,
            Nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize),
            Ciphertext = new byte[plaintext.Length],
            Tag = new byte[AesGcm.TagByteSizes.MaxSize],
        };
        using var aes = new AesGcm(_keys[_currentKeyId], AesGcm.TagByteSizes.MaxSize);
        aes.Encrypt(sealedSecret.Nonce, plaintext, sealedSecret.Ciphertext, sealedSecret.Tag, AssociatedData(tenant));
        CryptographicOperations.ZeroMemory(plaintext);
        return sealedSecret;
    }

    /// <exception cref="CryptographicException">The key id is unknown, or the data was changed or belongs to another tenant.</exception>
    public string Unprotect(TenantId tenant, ProtectedSecret sealedSecret)
    {
        if (!_keys.TryGetValue(sealedSecret.KeyId, out var key))
            throw new CryptographicException($"The secret was encrypted with key '{sealedSecret.KeyId}', which is not configured.");
        var plaintext = new byte[sealedSecret.Ciphertext.Length];
        using var aes = new AesGcm(key, AesGcm.TagByteSizes.MaxSize);
        aes.Decrypt(sealedSecret.Nonce, sealedSecret.Ciphertext, sealedSecret.Tag, plaintext, AssociatedData(tenant));
        return Encoding.UTF8.GetString(plaintext);
    }

    /// <summary>True when the secret was written under an older key and should be re-encrypted.</summary>
    public bool NeedsRewrap(ProtectedSecret sealedSecret) => sealedSecret.KeyId != _currentKeyId;

    private static byte[] AssociatedData(TenantId tenant) => Encoding.UTF8.GetBytes($"actors/credential-secret/v1/{tenant.Value}");
}
