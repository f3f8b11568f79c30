using Actors.Grains.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Actors.Api.Hosting;

internal static class Telemetry
{
    /// <summary>
    /// Metrics for Prometheus at <c>/metrics</c>, always. Traces from the Api request through the grains to the io
    /// call only when they have somewhere to go: an OTLP endpoint (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, which also
    /// gets the metrics) or <c>Actors:Telemetry:Traces=true</c>. Spans nobody collects would nearly halve the
    /// proxy's throughput (docs/benchmarks.md).
    /// </summary>
    public static WebApplicationBuilder AddActorsTelemetry(this WebApplicationBuilder builder)
    {
        var otlp = !string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("actors-api"))
            .WithMetrics(metrics => metrics
                .AddMeter(TokenMetrics.MeterName, IoMetrics.MeterName, "Microsoft.Orleans", "System.Runtime")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddPrometheusExporter());
        if (ActorsTraces.Enabled(builder.Configuration))
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application")
                .AddAspNetCoreInstrumentation(options => options.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation());
        }
        if (otlp)
            telemetry.UseOtlpExporter();
        return builder;
    }
}
