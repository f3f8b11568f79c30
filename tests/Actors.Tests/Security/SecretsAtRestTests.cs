using System.Text;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Security;

public sealed class SecretsAtRestTests : IAsyncLifetime
{
    private Standalone _actors = null!;

    public async Task InitializeAsync() => _actors = await Standalone.StartAsync();

    public async Task DisposeAsync() => await _actors.DisposeAsync();

    [Fact]
    public async Task TheSqliteFileHoldsNeitherTheSecretNorAnyToken()
    {
        var pair = await _actors.RegisterAsync("acme");
        await _actors.Host.Admin().GetAsync("/v1/tenants/acme/vaults");
        // Rotation writes the record a second time: neither version may hold a secret in the clear.
        var rotated = await _actors.RegisterAsync("acme");
        await _actors.Host.DisposeAsync();

        var stored = _actors.Database.AllBytes();

        Assert.NotEmpty(stored);
        // The search works: the client id, which is not a secret, is there to be found.
        Assert.True(stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes(rotated.ClientId)) >= 0);
        foreach (var secret in new[] { pair.ClientSecret, rotated.ClientSecret })
            AssertAbsent(stored, secret);
        var tokens = _actors.Sandbox.State.IssuedTokens();
        Assert.NotEmpty(tokens);
        foreach (var token in tokens)
            AssertAbsent(stored, token);
    }

    private static void AssertAbsent(byte[] stored, string value)
    {
        var forms = new[]
        {
            Encoding.UTF8.GetBytes(value),
            Encoding.Unicode.GetBytes(value),
            Encoding.UTF8.GetBytes(Convert.ToBase64String(Encoding.UTF8.GetBytes(value))),
        };
        foreach (var form in forms)
            Assert.True(stored.AsSpan().IndexOf(form) < 0, "A secret or token was found in the SQLite file.");
    }
}
