using Similarity.Grains.Clustering;
using Similarity.Grains.Contracts.Corpora.Operations;
using Similarity.Grains.Search;

namespace Similarity.Cli.Commands.Bench;

/// <summary>
/// Whether a distributed operation gave exactly the in-process result (the same rows in the same order, the same
/// float64 scores): null when it did, else where the two first differ, so a bench never times a wrong answer.
/// </summary>
internal static class OperationAgreement
{
    public static string? Hits(SearchHit[][] expected, CorpusHit[][] actual)
    {
        if (expected.Length != actual.Length)
        {
            return $"search: {actual.Length} hit lists through the cluster, {expected.Length} in process";
        }

        for (var q = 0; q < expected.Length; q++)
        {
            if (expected[q].Length != actual[q].Length)
            {
                return $"search: query {q} has {actual[q].Length} hits through the cluster, {expected[q].Length} in process";
            }

            for (var k = 0; k < expected[q].Length; k++)
            {
                var (want, got) = (expected[q][k], actual[q][k]);
                if (want.CorpusId != got.Row || want.Score != got.Score)
                {
                    return $"search: query {q} hit {k} is row {got.Row} (score {got.Score:R}) through the cluster, row {want.CorpusId} (score {want.Score:R}) in process";
                }
            }
        }

        return null;
    }

    public static string? Communities(Community[] expected, CorpusCommunity[] actual)
    {
        if (expected.Length != actual.Length)
        {
            return $"cluster: {actual.Length} communities through the cluster, {expected.Length} in process";
        }

        for (var c = 0; c < expected.Length; c++)
        {
            var (want, got) = (expected[c], actual[c]);
            if (want.Members.Count != got.Members.Length)
            {
                return $"cluster: community {c} has {got.Members.Length} members through the cluster (centre {got.Centre}), {want.Members.Count} in process (centre {want.Centre})";
            }

            for (var m = 0; m < want.Members.Count; m++)
            {
                if (want.Members[m] != got.Members[m])
                {
                    return $"cluster: community {c} member {m} is row {got.Members[m]} through the cluster, row {want.Members[m]} in process";
                }
            }
        }

        return null;
    }

    public static string? Pairs(ParaphrasePair[] expected, CorpusPair[] actual)
    {
        if (expected.Length != actual.Length)
        {
            return $"mine: {actual.Length} pairs through the cluster, {expected.Length} in process";
        }

        for (var p = 0; p < expected.Length; p++)
        {
            var (want, got) = (expected[p], actual[p]);
            if (want.First != got.First || want.Second != got.Second || want.Score != got.Score)
            {
                return $"mine: pair {p} is ({got.First}, {got.Second}, {got.Score:R}) through the cluster, ({want.First}, {want.Second}, {want.Score:R}) in process";
            }
        }

        return null;
    }
}
