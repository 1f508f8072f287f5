using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Similarity.Grains.Contracts.Errors;

namespace Similarity.Silo.Http;

/// <summary>
/// Errors in OpenAI's shape, <c>{"error": {"message", "type", "param", "code"}}</c>, with the status code a grain error
/// maps to: 400 bad input, 404 unknown model, 429 overloaded, 503 unavailable, 504 deadline, 500 otherwise.
/// </summary>
public sealed record OpenAiError(int Status, string Message, string Type, string? Param, string? Code)
{
    public static OpenAiError From(GrainException error) => error.Code switch
    {
        GrainErrorCode.InvalidRequest => new(400, error.Message, "invalid_request_error", error.Parameter, "invalid_request"),
        GrainErrorCode.RequestTooLarge => new(400, error.Message, "invalid_request_error", error.Parameter ?? "input", "request_too_large"),
        GrainErrorCode.UnsupportedOperation => new(400, error.Message, "invalid_request_error", error.Parameter ?? "model", "unsupported_model"),
        GrainErrorCode.ModelNotServed => new(404, error.Message, "invalid_request_error", "model", "model_not_found"),
        GrainErrorCode.Overloaded => new(429, error.Message, "rate_limit_error", null, "overloaded"),
        GrainErrorCode.Unavailable => new(503, error.Message, "server_error", null, "unavailable"),
        GrainErrorCode.DeadlineExceeded => new(504, error.Message, "server_error", null, "timeout"),
        GrainErrorCode.DeadLettered => new(500, error.Message, "server_error", null, "dead_lettered"),
        _ => new(500, error.Message, "server_error", null, "internal_error"),
    };

    public async Task WriteAsync(HttpResponse response)
    {
        response.StatusCode = Status;
        response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(response.Body);
        json.WriteStartObject();
        json.WriteStartObject("error");
        json.WriteString("message", Message);
        json.WriteString("type", Type);
        WriteNullable(json, "param", Param);
        WriteNullable(json, "code", Code);
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync().ConfigureAwait(false);
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
