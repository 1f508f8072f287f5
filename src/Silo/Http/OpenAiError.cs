using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Similarity.Grains.Contracts.Errors;
using Similarity.Silo.Metrics;

namespace Similarity.Silo.Http;

/// <summary>
/// An error answer: RFC 9457 problem details (<c>application/problem+json</c>: type, title, status, detail) that also
/// carry OpenAI's <c>{"error": {"message", "type", "param", "code"}}</c> member, so both kinds of client read it. Status
/// codes: 400 bad input, 404 unknown model, 429 overloaded, 503 no silo reachable, 504 no answer in time.
/// </summary>
public sealed record OpenAiError(int Status, string Message, string Type, string? Param, string Code)
{
    /// <summary>The answer for an error a caller should see, or null for one that is a bug (left to the server's 500).</summary>
    public static OpenAiError? TryFrom(Exception error) => error switch
    {
        GrainException grain => From(grain),
        SiloUnavailableException or ConnectionFailedException or OrleansMessageRejectionException =>
            new(503, $"no silo could answer: {error.Message}", "server_error", null, "unavailable"),
        TimeoutException => new(504, $"the cluster did not answer in time: {error.Message}", "server_error", null, "timeout"),
        _ => null,
    };

    public static OpenAiError From(GrainException error) => error.Code switch
    {
        GrainErrorCode.InvalidRequest => new(400, error.Message, "invalid_request_error", error.Parameter, "invalid_request"),
        GrainErrorCode.RequestTooLarge => new(400, error.Message, "invalid_request_error", error.Parameter ?? "input", "request_too_large"),
        GrainErrorCode.UnsupportedOperation => new(400, error.Message, "invalid_request_error", error.Parameter ?? "model", "unsupported_model"),
        GrainErrorCode.ModelNotServed => new(404, error.Message, "invalid_request_error", "model", "model_not_found"),
        GrainErrorCode.Overloaded => new(429, error.Message, "rate_limit_error", null, "overloaded"),
        _ => new(500, error.Message, "server_error", null, "internal_error"),
    };

    public async Task WriteAsync(HttpContext context)
    {
        context.RequestServices.GetRequiredService<HttpMetrics>().RecordError(Code);
        var response = context.Response;
        response.StatusCode = Status;
        response.ContentType = "application/problem+json";
        await using var json = new Utf8JsonWriter(response.Body);
        json.WriteStartObject();
        json.WriteString("type", $"https://similarity.dev/errors/{Code}");
        json.WriteString("title", Title);
        json.WriteNumber("status", Status);
        json.WriteString("detail", Message);
        json.WriteStartObject("error");
        json.WriteString("message", Message);
        json.WriteString("type", Type);
        if (Param is null)
        {
            json.WriteNull("param");
        }
        else
        {
            json.WriteString("param", Param);
        }

        json.WriteString("code", Code);
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync().ConfigureAwait(false);
    }

    private string Title => Code switch
    {
        "invalid_request" => "Invalid request",
        "request_too_large" => "Request too large",
        "unsupported_model" => "The model cannot do this",
        "model_not_found" => "Model not served",
        "overloaded" => "Overloaded, retry later",
        "unavailable" => "Cluster unavailable",
        "timeout" => "Cluster timed out",
        _ => "Internal error",
    };
}
