using Similarity.Grains.Contracts.Calls;
using Similarity.Grains.Contracts.Corpora;
using Similarity.Grains.Contracts.Corpora.Errors;

namespace Similarity.Client.Corpora.Operations;

/// <summary>
/// Two stored corpora whose rows are compared, each row of <see cref="Corpus"/> against every row of <see cref="Against"/>
/// (possibly the same corpus), as they are when the comparison opens: the row counts read then are the ones compared.
/// </summary>
internal sealed record CorpusComparison(CorpusInfo Corpus, CorpusInfo Against)
{
    /// <summary>
    /// Reads both corpora (a missing one: its not-found error) and checks they can be compared: the same embedding width,
    /// and the same model unless <paramref name="allowModelMismatch"/> (another model's embeddings live in another space).
    /// </summary>
    public static async Task<CorpusComparison> OpenAsync(
        IGrainFactory grains, string rows, string against, bool allowModelMismatch, CancellationToken cancellationToken)
    {
        var left = await InfoAsync(grains, rows, cancellationToken);
        var right = await InfoAsync(grains, against, cancellationToken);
        if (left.Dimension is { } width && right.Dimension is { } otherWidth && width != otherWidth)
        {
            throw new CorpusMismatchException(
                $"corpus '{left.Name}' holds rows of {width} values but corpus '{right.Name}' holds rows of {otherWidth}: only rows of one width can be compared",
                "against");
        }

        if (!allowModelMismatch && !string.Equals(left.Model, right.Model, StringComparison.Ordinal))
        {
            throw new CorpusMismatchException(
                $"corpus '{left.Name}' holds embeddings of model '{left.Model}' but corpus '{right.Name}' of model '{right.Model}': "
                + "scores across models mean nothing unless both embed into one space (a distilled student and its teacher); allow a model mismatch explicitly if they do",
                "against");
        }

        return new CorpusComparison(left, right);
    }

    private static Task<CorpusInfo> InfoAsync(IGrainFactory grains, string name, CancellationToken cancellationToken)
    {
        var corpus = grains.GetGrain<ICorpusGrain>(CorpusNames.Validate(name));
        return RetryPolicy.Default.RunAsync(_ => corpus.GetInfoAsync(), cancellationToken);
    }
}
