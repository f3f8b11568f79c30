using Microsoft.Extensions.Logging;

namespace Actors.Grains.Credentials;

/// <summary>Credential events. They name the tenant and the client id, never the secret or a token.</summary>
internal static partial class CredentialLog
{
    [LoggerMessage(1001, LogLevel.Information, "Credentials registered for tenant {TenantId} (client id {ClientId})")]
    public static partial void Registered(ILogger logger, string tenantId, string clientId);

    [LoggerMessage(1002, LogLevel.Information, "Credentials rotated for tenant {TenantId} (client id {ClientId})")]
    public static partial void Rotated(ILogger logger, string tenantId, string clientId);

    [LoggerMessage(1003, LogLevel.Information, "Credentials revoked for tenant {TenantId}")]
    public static partial void Revoked(ILogger logger, string tenantId);

    [LoggerMessage(1004, LogLevel.Warning, "New credentials for tenant {TenantId} not accepted: {Error}")]
    public static partial void ChangeRefused(ILogger logger, string tenantId, string error);

    [LoggerMessage(1005, LogLevel.Warning, "io rejected the credentials of tenant {TenantId}: {Error}; no token requests for {Cooldown}")]
    public static partial void Rejected(ILogger logger, string tenantId, string error, TimeSpan cooldown);

    [LoggerMessage(1006, LogLevel.Warning, "Token renewal failed for tenant {TenantId}: {Error}; next try in {Cooldown}")]
    public static partial void RenewalFailed(ILogger logger, string tenantId, string error, TimeSpan cooldown);

    [LoggerMessage(1007, LogLevel.Information, "Token renewal recovered for tenant {TenantId} after {Failures} failures")]
    public static partial void Recovered(ILogger logger, string tenantId, int failures);

    [LoggerMessage(1008, LogLevel.Error, "The stored secret of tenant {TenantId} cannot be decrypted with the configured keys")]
    public static partial void Undecryptable(ILogger logger, string tenantId);

    [LoggerMessage(1010, LogLevel.Warning, "Not every token lease of tenant {TenantId} could be ended ({Reason}); they lapse within a second")]
    public static partial void LeaseEndFailed(ILogger logger, string tenantId, string reason);

    [LoggerMessage(1009, LogLevel.Debug, "Token renewed for tenant {TenantId}, valid for {Lifetime}")]
    public static partial void Renewed(ILogger logger, string tenantId, TimeSpan lifetime);
}
