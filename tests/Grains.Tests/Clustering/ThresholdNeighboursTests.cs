using FsCheck;
using FsCheck.Fluent;
using Similarity.Grains.Clustering;
using Similarity.Grains.Kernels;
using Similarity.Grains.Kernels.Scanning;
using Similarity.Grains.Tests.Kernels;

namespace Similarity.Grains.Tests.Clustering;

public class ThresholdNeighboursTests
{
    private static readonly KernelOptions SmallTiles = new() { QueryBlockRows = 5, CorpusBlockRows = 8, QueryPanelRows = 15 };

    [Fact]
    public void One_pass_gives_both_sides_the_lists_of_a_scan_from_each_side()
    {
        var cases =
            from pair in RandomEmbeddings.Pair(maxRows: 50, maxDimensions: 12)
            from threshold in Gen.Elements(-0.5, 0.0, 0.3, 0.6, 0.8, 0.95)
            select (pair.Left, pair.Right, threshold);
        var nonEmpty = 0;

        Check.One(RandomEmbeddings.Config(200), Prop.ForAll(Arb.From(cases), c =>
        {
            using var left = new PreparedRows(c.Left, SimilarityFunction.Cosine, "left", SmallTiles);
            using var right = new PreparedRows(c.Right, SimilarityFunction.Cosine, "right", SmallTiles);

            var (leftLists, rightLists) = ThresholdNeighbours.ScanBoth(left, right, c.threshold, SmallTiles, CancellationToken.None);

            AssertSame(ThresholdNeighbours.Scan(left, right, c.threshold, minSize: 1, SmallTiles, CancellationToken.None), leftLists);
            AssertSame(ThresholdNeighbours.Scan(right, left, c.threshold, minSize: 1, SmallTiles, CancellationToken.None), rightLists);
            nonEmpty += rightLists.Count(l => l is not null);
        }));

        Assert.True(nonEmpty > 100, $"only {nonEmpty} right rows had neighbours: the cases do not exercise the reversed lists");
    }

    [Fact]
    public void The_upper_triangle_gives_every_row_the_list_of_a_scan_against_all_rows()
    {
        var cases =
            from rows in RandomEmbeddings.Single(maxRows: 70, maxDimensions: 12)
            from threshold in Gen.Elements(-0.5, 0.0, 0.3, 0.6, 0.8, 0.95, 1.0)
            from minSize in Gen.Elements(1, 2, 3, 5)
            from threads in Gen.Elements(1, 2)
            select (rows, threshold, minSize, threads);
        var shared = 0;

        Check.One(RandomEmbeddings.Config(200), Prop.ForAll(Arb.From(cases), c =>
        {
            var options = SmallTiles with { MaxDegreeOfParallelism = c.threads };
            using var rows = new PreparedRows(c.rows, SimilarityFunction.Cosine, "rows", options);

            var lists = ThresholdNeighbours.ScanTriangle(rows, c.threshold, c.minSize, options, CancellationToken.None);

            AssertSame(ThresholdNeighbours.Scan(rows, rows, c.threshold, c.minSize, options, CancellationToken.None), lists);
            shared += lists.Count(l => l is { Length: > 1 });
        }));

        Assert.True(shared > 100, $"only {shared} rows had a neighbour besides themselves: the cases do not exercise the lower triangle");
    }

    private static void AssertSame(RankedHit[]?[] expected, RankedHit[]?[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var row = 0; row < expected.Length; row++)
        {
            Assert.Equal(expected[row], actual[row]);
        }
    }
}
