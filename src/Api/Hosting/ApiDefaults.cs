using Actors.Api.Access;
using Actors.Api.ApiKeys;
using Actors.Api.Auth;
using Actors.Api.Forwarding;
using Actors.Api.Problems;
using Actors.Grains.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using Scalar.AspNetCore;

namespace Actors.Api.Hosting;

internal static class ApiDefaults
{
    /// <summary>A fixed admin key for Development only, so that a fresh clone runs without setup.</summary>
    public const string DevelopmentAdminKey = "dev-admin-key-change-me";

    public static WebApplicationBuilder AddActorsApiDefaults(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var development = builder.Environment.IsDevelopment();
        services.AddOptions<ActorsOptions>()
            .BindConfiguration(ActorsOptions.Section)
            .PostConfigure(options =>
            {
                if (string.IsNullOrEmpty(options.AdminKey) && development)
                    options.AdminKey = DevelopmentAdminKey;
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ActorsOptions>, ActorsOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddActorsProblemDetails();
        services.AddMemoryCache();
        services.AddSingleton<TenantKeyResolver>();
        services.AddSingleton<IpAllowlists>();
        services.AddSingleton<ForwardingGrains>();
        services.AddAuthentication(BearerKeyHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerKeyHandler>(BearerKeyHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(CallerClaims.AdminPolicy, policy => policy.RequireRole(CallerClaims.AdminRole));
        services.AddTenantRateLimit();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ActorsOptions>>((forwarded, actors) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            // Only configured proxies are believed, not the default loopback, so a caller cannot spoof its address.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in actors.Value.TrustedProxies)
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
        });
        services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);
        services.AddOpenApi(options => options.AddDocumentTransformer<BearerSecurityTransformer>());
        return builder;
    }

    public static WebApplication UseActorsApiDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RawPathGuard>();
        // With no known proxy at all the middleware would believe every peer: it runs only when proxies are configured.
        if (app.Services.GetRequiredService<IOptions<ActorsOptions>>().Value.TrustedProxies.Count > 0)
            app.UseForwardedHeaders();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapOpenApi();
        app.MapPrometheusScrapingEndpoint("/metrics");
        if (ActorsDashboard.Enabled(app.Configuration))
            app.MapOrleansDashboard("/dashboard").RequireAuthorization(CallerClaims.AdminPolicy);
        if (app.Environment.IsDevelopment())
            app.MapScalarApiReference();
        return app;
    }
}
