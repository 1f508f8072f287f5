using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Calls;
using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Encoders;
using Similarity.Silo.Hosting;

namespace Similarity.Silo.Http;

/// <summary>
/// <c>POST /v1/embeddings</c>: an OpenAI-compatible front door. The request goes to the model's encoder grain like any
/// other caller's: served on this silo when it has the model, else on a silo that does. A silo lost mid-call is retried.
/// </summary>
public static class EmbeddingsEndpoint
{
    public static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var grains = services.GetRequiredService<IGrainFactory>();
        var options = services.GetRequiredService<IOptions<SiloOptions>>().Value;
        try
        {
            var request = await ReadAsync(context).ConfigureAwait(false);
            var key = new ModelKey(request.Model, request.Device ?? options.DeviceClass);
            var embeddings = await RetryPolicy.Default.RunAsync(
                token => grains.GetGrain<IEncoderGrain>(key.ToString()).EncodeAsync(request.Inputs, request.Dimensions, token),
                context.RequestAborted).ConfigureAwait(false);

            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json";
            await EmbeddingsResponseWriter.WriteAsync(context.Response.Body, request.Model, embeddings, request.Base64).ConfigureAwait(false);
        }
        catch (Exception e) when (OpenAiError.TryFrom(e) is { } error)
        {
            await error.WriteAsync(context).ConfigureAwait(false);
        }
    }

    private static async Task<EmbeddingsRequest> ReadAsync(HttpContext context)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            return EmbeddingsRequestParser.Parse(document.RootElement, EncodingLimits.Default);
        }
        catch (JsonException e)
        {
            throw new InvalidRequestException($"the request body is not valid JSON: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            // System.Text.Json reports invalid UTF-8 inside a string when the string is read.
            throw new InvalidRequestException($"the request body is not valid UTF-8 JSON: {e.Message}", "input");
        }
    }
}
