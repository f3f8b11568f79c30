using System.Net;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Actors.Grains.Io;

/// <summary>
/// The Polly pipelines every io call runs through: a total budget, jittered retries where a repeat is safe,
/// and a per-attempt timeout.
/// </summary>
internal sealed class IoResilience
{
    public IoResilience(IOptions<IoOptions> options)
    {
        var io = options.Value;
        Retrying = Build(io, retry: true);
        Single = Build(io, retry: false);
    }

    /// <summary>For requests that may be repeated without harm: GET, HEAD, PUT, DELETE and token requests.</summary>
    public ResiliencePipeline<HttpResponseMessage> Retrying { get; }

    /// <summary>For POST and PATCH, which might be applied twice by io if sent twice.</summary>
    public ResiliencePipeline<HttpResponseMessage> Single { get; }

    public ResiliencePipeline<HttpResponseMessage> For(string method) =>
        method is "GET" or "HEAD" or "PUT" or "DELETE" or "OPTIONS" ? Retrying : Single;

    private static ResiliencePipeline<HttpResponseMessage> Build(IoOptions io, bool retry)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>().AddTimeout(io.CallBudget);
        if (retry)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(IsTransient),
                MaxRetryAttempts = 2,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
                OnRetry = args =>
                {
                    // The failed answer is dropped; release its connection before the next attempt.
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }
        return builder.AddTimeout(io.AttemptTimeout).Build();
    }

    private static bool IsTransient(HttpResponseMessage response) =>
        (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout;
}
