using System.Security.Cryptography;
using Actors.Grains.Secrets;
using Actors.Grains.Tenants;
using Microsoft.Extensions.Options;

namespace Actors.Tests.Security;

public sealed class SecretProtectorTests
{
    private static readonly TenantId Acme = TenantId.Parse("acme");
    private static readonly TenantId Globex = TenantId.Parse("globex");
    private readonly SecretKeyOptions _old = new() { Id = "old", Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
    private readonly SecretKeyOptions _new = new() { Id = "new", Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };

    [Fact]
    public void ASecretRoundTripsForItsOwnTenant()
    {
        var protector = Protector(_old);

        Assert.Equal("s3cret", protector.Unprotect(Acme, protector.Protect(Acme, "s3cret")));
    }

    [Fact]
    public void ACiphertextCopiedIntoAnotherTenantsRecordDoesNotDecrypt()
    {
        var protector = Protector(_old);

        var sealedForAcme = protector.Protect(Acme, "s3cret");

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(Globex, sealedForAcme));
    }

    [Fact]
    public void ATamperedCiphertextDoesNotDecrypt()
    {
        var protector = Protector(_old);
        var sealedSecret = protector.Protect(Acme, "s3cret");

        sealedSecret.Ciphertext[0] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(Acme, sealedSecret));
    }

    [Fact]
    public void AfterKeyRotationOldSecretsStillDecryptAndNewOnesUseTheCurrentKey()
    {
        var before = Protector(_old).Protect(Acme, "s3cret");

        var rotated = Protector(_new, _old);

        Assert.Equal("s3cret", rotated.Unprotect(Acme, before));
        Assert.True(rotated.NeedsRewrap(before));
        var after = rotated.Protect(Acme, "s3cret");
        Assert.Equal("new", after.KeyId);
        Assert.False(rotated.NeedsRewrap(after));
    }

    [Fact]
    public void ASecretUnderAKeyNoLongerConfiguredFailsClearly()
    {
        var sealedSecret = Protector(_old).Protect(Acme, "s3cret");

        var error = Assert.ThrowsAny<CryptographicException>(() => Protector(_new).Unprotect(Acme, sealedSecret));

        Assert.Contains("'old'", error.Message);
    }

    [Fact]
    public void TwoEncryptionsOfOneSecretDiffer()
    {
        var protector = Protector(_old);

        Assert.NotEqual(protector.Protect(Acme, "s3cret").Ciphertext, protector.Protect(Acme, "s3cret").Ciphertext);
    }

    private static SecretProtector Protector(params SecretKeyOptions[] keys) =>
        new(Options.Create(new SecretsOptions { Keys = [.. keys], CurrentKeyId = keys[0].Id }));
}
