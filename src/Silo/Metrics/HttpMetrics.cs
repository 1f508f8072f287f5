using System.Diagnostics.Metrics;
using Similarity.Grains.Contracts.Errors;

namespace Similarity.Silo.Metrics;

/// <summary>
/// Errors the HTTP API returned, by code, on the <see cref="MeterName"/> meter. Request counts and latencies by route and
/// status come from ASP.NET Core's own <c>http.server.request.duration</c>.
/// </summary>
public sealed class HttpMetrics
{
    public const string MeterName = "Similarity.Http";

    private readonly Counter<long> _errors;

    public HttpMetrics(IMeterFactory meters)
    {
        _errors = meters.Create(MeterName).CreateCounter<long>(
            "similarity.http.errors", "{error}", "Errors the HTTP API returned, by code (worker-side refusals are in similarity.worker.requests).");
    }

    public void RecordError(string code) => _errors.Add(1, new KeyValuePair<string, object?>("code", code));

    public static string CodeName(GrainErrorCode code) => code switch
    {
        GrainErrorCode.InvalidRequest => "invalid_request",
        GrainErrorCode.RequestTooLarge => "request_too_large",
        GrainErrorCode.ModelNotServed => "model_not_served",
        GrainErrorCode.Overloaded => "overloaded",
        GrainErrorCode.UnsupportedOperation => "unsupported_operation",
        _ => "internal",
    };
}
