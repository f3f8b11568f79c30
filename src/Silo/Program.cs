using Actors.Grains.Hosting;
using Actors.Grains.Telemetry;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Dashboard;

var builder = WebApplication.CreateBuilder(args);

builder.UseOrleans(silo =>
{
    silo.AddActors();
    if (ActorsDashboard.Enabled(builder.Configuration))
        silo.AddDashboard();
});
// Serve health (not ready) while the silo is still joining the cluster.
builder.Services.Configure<HostOptions>(options => options.ServicesStartConcurrently = true);
builder.Services.AddHealthChecks()
    .AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"])
    .AddCheck<StoreHealthCheck>("store", tags: ["ready"]);
// As in the Api: metrics always, traces only when they have somewhere to go.
var otlp = !string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
var telemetry = builder.Services.AddOpenTelemetry()
    .ConfigureResource(resource => resource.AddService("actors-silo"))
    .WithMetrics(metrics => metrics.AddMeter(TokenMetrics.MeterName, IoMetrics.MeterName, "Microsoft.Orleans", "System.Runtime").AddHttpClientInstrumentation().AddPrometheusExporter());
if (ActorsTraces.Enabled(builder.Configuration))
    telemetry.WithTracing(tracing => tracing.AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application").AddHttpClientInstrumentation());
if (otlp)
    telemetry.UseOtlpExporter();

var app = builder.Build();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.MapPrometheusScrapingEndpoint("/metrics");

app.Run();
