using System.Net.Http.Json;
using System.Text.Json;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Passthrough;

public sealed class OpenApiTests
{
    [Fact]
    public async Task TheDocumentListsEveryRouteTheBearerSchemeAndProblemAnswers()
    {
        await using var actors = await Standalone.StartAsync();

        var document = await actors.Host.Caller(null).GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        var expected = new Dictionary<string, string[]>
        {
            ["/v1/tenants/{tenantId}/credentials"] = ["put", "get", "delete"],
            ["/v1/tenants/{tenantId}/api-keys"] = ["post"],
            ["/v1/tenants/{tenantId}/api-keys/{keyId}"] = ["delete"],
            ["/v1/tenants/{tenantId}/ip-allowlist"] = ["put", "get"],
            ["/v1/tenants/{tenantId}/vaults"] = ["get"],
            ["/v1/tenants/{tenantId}/vaults/{vaultId}"] = ["get"],
            ["/v1/tenants/{tenantId}/io/{path}"] = ["get", "post", "put", "patch", "delete"],
        };
        foreach (var (path, methods) in expected)
        {
            Assert.True(paths.TryGetProperty(path, out var operations), $"{path} is missing");
            foreach (var method in methods)
                Assert.True(operations.TryGetProperty(method, out _), $"{method} {path} is missing");
        }
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        var putCredentials = paths.GetProperty("/v1/tenants/{tenantId}/credentials").GetProperty("put");
        Assert.True(putCredentials.GetProperty("responses").GetProperty("422").GetProperty("content").TryGetProperty("application/problem+json", out _));
    }
}
