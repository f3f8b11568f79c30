using Microsoft.Extensions.Configuration;

namespace Actors.Grains.Telemetry;

/// <summary>
/// Whether traces are recorded: when they have somewhere to go (an OTLP endpoint, <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>)
/// or <c>Actors:Telemetry:Traces=true</c> asks for them. All that serves only traces — recording spans, carrying
/// the trace context across grain calls — is on only then: nobody reads it otherwise, and it costs every call.
/// </summary>
public static class ActorsTraces
{
    public static bool Enabled(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) || configuration.GetValue<bool>("Actors:Telemetry:Traces");
}
