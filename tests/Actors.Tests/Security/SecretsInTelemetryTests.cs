using System.Net.Http.Json;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Security;

/// <summary>A whole credential lifecycle with every log line kept at Trace level and every response body kept.</summary>
public sealed class SecretsInTelemetryTests : IAsyncLifetime
{
    private readonly List<string> _responses = [];
    private Standalone _actors = null!;

    public async Task InitializeAsync() => _actors = await Standalone.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Actors:Telemetry:Traces"] = "true",
        ["Logging:LogLevel:Microsoft"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        ["Logging:LogLevel:Orleans"] = "Trace",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace",
    });

    public async Task DisposeAsync() => await _actors.DisposeAsync();

    [Fact]
    public async Task NoLogLineOrResponseHoldsASecretOrAToken()
    {
        var io = _actors.Sandbox.State;
        var first = _actors.Sandbox.AddClient(vaultCount: 2);
        var second = _actors.Sandbox.AddClient(vaultCount: 2);

        await Keep(Put(first.ClientId, first.ClientSecret));
        await Keep(Admin().GetAsync("/v1/tenants/acme/vaults"));
        io.RevokeTokens(first.ClientId);                                 // 401, renewal, retry
        await Keep(Admin().GetAsync($"/v1/tenants/acme/vaults/{first.ClientId}-vault-001"));
        await Keep(Put(second.ClientId, "wrong-" + second.ClientSecret)); // rotation refused
        await Keep(Put(second.ClientId, second.ClientSecret));           // rotation accepted
        io.AddClient(second.ClientId, "changed-at-io");                  // credentials rejected by io
        io.RevokeTokens(second.ClientId);
        await Keep(Admin().GetAsync("/v1/tenants/acme/vaults"));
        await Keep(Admin().GetAsync("/v1/tenants/acme/credentials"));
        await Keep(Admin().DeleteAsync("/v1/tenants/acme/credentials"));
        await Keep(Admin().GetAsync("/v1/tenants/acme/vaults"));

        var secrets = new[] { first.ClientSecret, second.ClientSecret, "wrong-" + second.ClientSecret }
            .Concat(io.IssuedTokens())
            .ToList();
        var logs = _actors.Host.LogLines().ToList();
        Assert.True(logs.Count > 50, "the log capture caught almost nothing");
        Assert.Contains(logs, line => line.Contains("Credentials rotated for tenant acme"));
        foreach (var secret in secrets)
        {
            var leak = logs.FirstOrDefault(line => line.Contains(secret, StringComparison.Ordinal));
            Assert.True(leak is null, $"A log line holds a secret or token: {leak?.Replace(secret, "<SECRET>")}");
            Assert.DoesNotContain(_responses, body => body.Contains(secret, StringComparison.Ordinal));
        }
    }

    private HttpClient Admin() => _actors.Host.Admin();

    private Task<HttpResponseMessage> Put(string clientId, string clientSecret) =>
        Admin().PutAsJsonAsync("/v1/tenants/acme/credentials", new { clientId, clientSecret });

    private async Task Keep(Task<HttpResponseMessage> call)
    {
        var response = await call;
        _responses.Add($"{response.Headers} {response.Content.Headers} {await response.Content.ReadAsStringAsync()}");
    }
}
