using Actors.Grains.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

var builder = WebApplication.CreateBuilder(args);

builder.UseOrleans(silo => silo.AddActors());
// Serve health (not ready) while the silo is still joining the cluster.
builder.Services.Configure<HostOptions>(options => options.ServicesStartConcurrently = true);
builder.Services.AddHealthChecks()
    .AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"])
    .AddCheck<StoreHealthCheck>("store", tags: ["ready"]);

var app = builder.Build();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });

app.Run();
