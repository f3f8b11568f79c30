using Actors.Api.Auth;
using Actors.Api.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

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

        services.AddActorsProblemDetails();
        services.AddAuthentication(BearerKeyHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerKeyHandler>(BearerKeyHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(CallerClaims.AdminPolicy, policy => policy.RequireRole(CallerClaims.AdminRole));
        services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);
        services.AddOpenApi();
        return builder;
    }

    public static WebApplication UseActorsApiDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        return app;
    }
}
