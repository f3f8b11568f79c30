using Actors.Tests.Infrastructure;

namespace Actors.Tests.Hosting;

/// <summary>Outside Development, a misconfigured Api refuses to start and says which setting is wrong.</summary>
public sealed class StartupValidationTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Theory]
    [InlineData("http://api.example.com", "true", "not loopback")]
    [InlineData("http://127.0.0.1:5080", "false", "Io:AllowInsecureLoopback")]
    [InlineData("ftp://127.0.0.1", "true", "https")]
    public void AnInsecureIoAddressIsRefused(string baseUrl, string allowInsecureLoopback, string expected)
    {
        var error = StartFailure(new Dictionary<string, string?> { ["Io:AllowInsecureLoopback"] = allowInsecureLoopback }, baseUrl);

        Assert.Contains(expected, error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    public void AMissingOrWeakAdminKeyIsRefused(string adminKey)
    {
        var error = StartFailure(new Dictionary<string, string?> { ["Actors:AdminKey"] = adminKey });

        Assert.Contains("Actors:AdminKey", error);
    }

    [Fact]
    public void AMissingSecretsKeyIsRefused()
    {
        var error = StartFailure(new Dictionary<string, string?> { ["Actors:Secrets:Keys:0:Id"] = null, ["Actors:Secrets:Keys:0:Key"] = null });

        Assert.Contains("Actors:Secrets", error);
    }

    [Fact]
    public void ASecretsKeyOfTheWrongSizeIsRefused()
    {
        var error = StartFailure(new Dictionary<string, string?> { ["Actors:Secrets:Keys:0:Key"] = Convert.ToBase64String(new byte[16]) });

        Assert.Contains("32 bytes", error);
    }

    [Theory]
    [InlineData("Io:MaxRetries", "11", "Io:MaxRetries")]
    [InlineData("Io:TenantBreaker:FailureRatio", "0", "Io:TenantBreaker")]
    [InlineData("Io:IoBreaker:MinimumThroughput", "1", "Io:IoBreaker")]
    [InlineData("Actors:TrustedProxies:0", "not-a-range", "Actors:TrustedProxies")]
    [InlineData("Actors:RateLimit:TokenLimit", "0", "Actors:RateLimit")]
    public void AnOutOfRangeSettingIsRefusedByName(string key, string value, string expected)
    {
        var error = StartFailure(new Dictionary<string, string?> { [key] = value });

        Assert.Contains(expected, error);
    }

    [Fact]
    public void OneNamedSandboxHostMayBeReachedOverHttp()
    {
        using var host = new ActorsHost("http://io-sandbox:8080", _database.Path,
            settings: new Dictionary<string, string?> { ["Io:AllowInsecureLoopback"] = "false", ["Io:AllowInsecureHost"] = "io-sandbox" });

        host.StartServer();
    }

    [Fact]
    public void AnHttpsIoAddressStarts()
    {
        using var host = new ActorsHost("https://api.iofinnet.com", _database.Path);

        host.StartServer();
    }

    private string StartFailure(Dictionary<string, string?> settings, string baseUrl = "http://127.0.0.1:5080")
    {
        using var host = new ActorsHost(baseUrl, _database.Path, settings: settings);
        var error = Assert.ThrowsAny<Exception>(host.StartServer);
        return error.ToString();
    }

    public void Dispose() => _database.Dispose();
}
