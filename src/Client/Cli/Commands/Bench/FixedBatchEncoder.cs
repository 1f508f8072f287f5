using Similarity.Inference.Batching;
using Similarity.Inference.Models;
using Similarity.Inference.Tensors;

namespace Similarity.Cli.Commands.Bench;

/// <summary>
/// The baseline <c>bench encode</c> measures the batcher against: batches of a fixed number of texts in input order,
/// each padded to its longest text, on the calling thread, through the same tokenizer and pipeline.
/// </summary>
internal sealed class FixedBatchEncoder(ITokenBatchModel model, ITokenEncoder tokenizer, int batchSize)
{
    private readonly TokenBatch _batch = new();
    private readonly EncodedText[] _encoded = new EncodedText[batchSize];

    /// <summary>Padded tokens (batch size × longest) of the last <see cref="Encode"/>.</summary>
    public long PaddedTokens { get; private set; }

    public int Batches { get; private set; }

    public EmbeddingMatrix Encode(IReadOnlyList<string> texts)
    {
        var result = new EmbeddingMatrix(texts.Count, model.OutputWidth);
        PaddedTokens = 0;
        Batches = 0;
        for (var start = 0; start < texts.Count; start += batchSize)
        {
            var count = Math.Min(batchSize, texts.Count - start);
            var longest = 1;
            for (var i = 0; i < count; i++)
            {
                _encoded[i] = tokenizer.Encode(texts[start + i]);
                longest = Math.Max(longest, _encoded[i].Length);
            }

            _batch.Reset(count, longest, model.PadTokenId);
            for (var i = 0; i < count; i++)
            {
                _batch.SetRow(i, _encoded[i].Ids, _encoded[i].TypeIds);
            }

            model.Run(_batch, result.Data.Slice(start * model.OutputWidth, count * model.OutputWidth));
            PaddedTokens += (long)count * longest;
            Batches++;
        }

        return result;
    }
}
