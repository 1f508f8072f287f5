using Similarity.Grains.Contracts;

namespace Similarity.Silo.Http;

/// <summary>A parsed <c>POST /v1/embeddings</c> body (OpenAI's shape, plus an optional <c>device</c> class).</summary>
public sealed record EmbeddingsRequest(string Model, string[] Inputs, bool Base64, int? Dimensions, DeviceClass? Device);
