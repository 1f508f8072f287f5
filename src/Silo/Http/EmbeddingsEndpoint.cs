using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Encoders;
using Similarity.Silo.Calls;
using Similarity.Silo.Hosting;
using Similarity.Silo.Metrics;

namespace Similarity.Silo.Http;

/// <summary>
/// <c>POST /v1/embeddings</c>: an OpenAI-compatible front door. The request goes through the fabric like any other
/// caller's, so any silo's HTTP API reaches every silo serving the model.
/// </summary>
public static class EmbeddingsEndpoint
{
    public static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var grains = services.GetRequiredService<GrainFactory>();
        var options = services.GetRequiredService<IOptions<SiloOptions>>().Value;
        var metrics = services.GetRequiredService<SiloMetrics>();
        try
        {
            EmbeddingsRequest request;
            try
            {
                using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
                request = EmbeddingsRequestParser.Parse(document.RootElement, EncodingLimits.Default);
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

            var encoder = grains.GetEncoder(request.Model, request.Device ?? options.DeviceClass);
            var embeddings = await encoder.EncodeAsync(request.Inputs, context.RequestAborted).ConfigureAwait(false);
            if (request.Dimensions is { } dimensions)
            {
                embeddings = EmbeddingTruncation.TruncateAndNormalize(embeddings, dimensions);
            }

            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json";
            await EmbeddingsResponseWriter.WriteAsync(context.Response.Body, request.Model, embeddings, request.Base64).ConfigureAwait(false);
        }
        catch (GrainException e)
        {
            metrics.RecordError(e.Code);
            await OpenAiError.From(e).WriteAsync(context.Response).ConfigureAwait(false);
        }
    }
}
