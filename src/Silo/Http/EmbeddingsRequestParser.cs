using System.Text.Json;
using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Encoders;

namespace Similarity.Silo.Http;

/// <summary>Reads an OpenAI-style embeddings request; every problem is an <see cref="InvalidRequestException"/> naming the parameter.</summary>
public static class EmbeddingsRequestParser
{
    public static EmbeddingsRequest Parse(JsonElement body, EncodingLimits limits)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidRequestException("the request body must be a JSON object");
        }

        var model = body.TryGetProperty("model", out var modelElement) && modelElement.ValueKind == JsonValueKind.String
            ? modelElement.GetString()!
            : throw new InvalidRequestException("'model' is required and must be a string", "model");
        if (!ModelNames.IsValid(model))
        {
            throw new ModelNotServedException($"the model '{model}' does not exist", "model");
        }

        if (!body.TryGetProperty("input", out var input))
        {
            throw new InvalidRequestException("'input' is required: a string or an array of strings", "input");
        }

        var inputs = ReadInputs(input, limits);
        var base64 = false;
        if (body.TryGetProperty("encoding_format", out var format) && format.ValueKind != JsonValueKind.Null)
        {
            base64 = format.ValueKind == JsonValueKind.String ? format.GetString() switch
            {
                "float" => false,
                "base64" => true,
                var other => throw new InvalidRequestException($"'encoding_format' must be 'float' or 'base64', got '{other}'", "encoding_format"),
            } : throw new InvalidRequestException("'encoding_format' must be 'float' or 'base64'", "encoding_format");
        }

        int? dimensions = null;
        if (body.TryGetProperty("dimensions", out var dims) && dims.ValueKind != JsonValueKind.Null)
        {
            if (dims.ValueKind != JsonValueKind.Number || !dims.TryGetInt32(out var value) || value < 1)
            {
                throw new InvalidRequestException("'dimensions' must be an integer of at least 1", "dimensions");
            }

            dimensions = value;
        }

        DeviceClass? device = null;
        if (body.TryGetProperty("device", out var deviceElement) && deviceElement.ValueKind != JsonValueKind.Null)
        {
            try
            {
                device = DeviceClassNames.Parse(deviceElement.ValueKind == JsonValueKind.String ? deviceElement.GetString()! : deviceElement.GetRawText());
            }
            catch (ArgumentException e)
            {
                throw new InvalidRequestException(e.Message, "device");
            }
        }

        return new EmbeddingsRequest(model, inputs, base64, dimensions, device);
    }

    private static string[] ReadInputs(JsonElement input, EncodingLimits limits)
    {
        switch (input.ValueKind)
        {
            case JsonValueKind.String:
                return [input.GetString()!];
            case JsonValueKind.Array:
                var count = input.GetArrayLength();
                if (count == 0)
                {
                    throw new InvalidRequestException("'input' must not be an empty array", "input");
                }

                if (count > limits.MaxItemsPerRequest)
                {
                    throw new InvalidRequestException($"'input' has {count} items; at most {limits.MaxItemsPerRequest} are allowed", "input");
                }

                var texts = new string[count];
                var index = 0;
                foreach (var item in input.EnumerateArray())
                {
                    texts[index] = item.ValueKind == JsonValueKind.String
                        ? item.GetString()!
                        : throw new InvalidRequestException(
                            $"'input[{index}]' must be a string (token arrays are not supported; send text)", "input");
                    index++;
                }

                return texts;
            default:
                throw new InvalidRequestException("'input' must be a string or an array of strings", "input");
        }
    }
}
