using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.Intrinsics;
using System.Text.Json;
using Similarity.Cli.IO;
using Similarity.Grains.Kernels;
using Similarity.Grains.Search;
using Similarity.Inference.Tensors;

namespace Similarity.Cli.Commands.Bench;

/// <summary>
/// <c>simctl bench similarity</c>: all-pairs cosine GFLOP/s and top-k queries/s of the blocked SIMD kernels against a
/// naive scalar loop (one thread, one float at a time), on seeded random data or the rows of an .npy file (the queries are
/// then its first rows), in one run; the largest score difference between the two sides (on the first row, and the first
/// query's hits) shows they computed the same thing. <c>scripts/bench-similarity.sh</c> sets it beside numpy and FAISS.
/// </summary>
internal static class BenchSimilarityCommand
{
    public static Command Create()
    {
        var n = new Option<int>("--n") { Description = "Corpus rows", DefaultValueFactory = _ => 20_000 };
        var dim = new Option<int>("--dim") { Description = "Dimensions per row", DefaultValueFactory = _ => 384 };
        var queries = new Option<int>("--queries") { Description = "Queries for the top-k search", DefaultValueFactory = _ => 1_000 };
        var topK = new Option<int>("--top-k", "-k") { Description = "Hits per query", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Seed of the random data", DefaultValueFactory = _ => 42 };
        var naiveSeconds = new Option<double>("--naive-seconds") { Description = "Time each naive loop may take, in three rounds (its rate is measured on a prefix of the rows)", DefaultValueFactory = _ => 2.0 };
        var embeddings = new Option<string?>("--embeddings") { Description = "Corpus rows from this .npy (float32, rows × dims) instead of random data; --n and --dim are then its shape, and the queries its first rows" };
        var threads = EmbeddingInputs.Threads();
        var json = CommandOutput.JsonSwitch();
        var output = CommandOutput.Option("the figures");
        var command = new Command("similarity", "All-pairs cosine GFLOP/s and top-k queries/s: kernels vs a naive scalar loop.")
        {
            n, dim, queries, topK, seed, naiveSeconds, embeddings, threads, json, output,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(embeddings);
            var corpus = path is null ? null : EmbeddingInputs.Read(path, "--embeddings");
            if (corpus is { Rows: 0 } or { Columns: 0 })
            {
                throw new CliException($"--embeddings {path} holds no rows to score ({corpus.Rows} x {corpus.Columns})");
            }

            var settings = new Settings(
                corpus?.Rows ?? EmbeddingInputs.AtLeastOne(parse.GetValue(n), "--n"),
                corpus?.Columns ?? EmbeddingInputs.AtLeastOne(parse.GetValue(dim), "--dim"),
                EmbeddingInputs.AtLeastOne(parse.GetValue(queries), "--queries"),
                EmbeddingInputs.AtLeastOne(parse.GetValue(topK), "--top-k"),
                parse.GetValue(seed),
                parse.GetValue(naiveSeconds) is > 0 and var seconds && double.IsFinite(seconds)
                    ? seconds
                    : throw new CliException("--naive-seconds must be a positive number"),
                EmbeddingInputs.Kernels(parse.GetValue(threads)),
                path);
            var figures = Run(settings, corpus, cancellationToken);

            await using var writer = CommandOutput.OpenWriter(parse.GetValue(output));
            await writer.WriteAsync(parse.GetValue(json) ? ToJson(settings, figures) : ToTable(settings, figures));
            return 0;
        });

        return command;
    }

    private static Figures Run(Settings settings, EmbeddingMatrix? given, CancellationToken cancellationToken)
    {
        var random = new Random(settings.Seed);
        var corpus = given ?? RandomMatrix(random, settings.Rows, settings.Dimensions);
        var queries = given is null
            ? RandomMatrix(random, settings.Queries, settings.Dimensions)
            : new EmbeddingMatrix(Math.Min(settings.Queries, given.Rows), given.Columns, given.Data[..(Math.Min(settings.Queries, given.Rows) * given.Columns)].ToArray());
        var flopsPerPair = 2.0 * settings.Dimensions;

        // Warm-up on small slices, so the measured runs execute optimised code.
        var warm = new EmbeddingMatrix(Math.Min(64, settings.Rows), settings.Dimensions, corpus.Data[..(Math.Min(64, settings.Rows) * settings.Dimensions)].ToArray());
        AllPairsScores.Compute(SimilarityFunction.Cosine, warm, warm, settings.Kernels);
        SemanticSearch.TopK(warm, warm, settings.TopK, SimilarityFunction.Cosine, settings.Kernels, cancellationToken);

        // Other work on the machine only ever slows a run down, so each side reports its best of several runs.
        var kernelFirstRow = new float[settings.Rows];
        var naiveFirstRow = new float[settings.Rows];
        var (kernelSeconds, kernelRuns) = Best(() => AllPairsKernels(corpus, settings, kernelFirstRow, cancellationToken), minimumRuns: 2, budgetSeconds: 2);
        var naive = BestRate(() => AllPairsNaive(corpus, settings.NaiveSeconds / 3, naiveFirstRow), rounds: 3);
        var pairs = (double)settings.Rows * settings.Rows;

        SearchHit[][] hits = [];
        var (searchSeconds, searchRuns) = Best(
            () =>
            {
                var watch = Stopwatch.StartNew();
                hits = SemanticSearch.TopK(queries, corpus, settings.TopK, SimilarityFunction.Cosine, settings.Kernels, cancellationToken);
                return watch.Elapsed.TotalSeconds;
            },
            minimumRuns: 3,
            budgetSeconds: 1);
        var naiveFirstHits = new float[Math.Min(settings.TopK, settings.Rows)];
        var naiveSearch = BestRate(() => SearchNaive(queries, corpus, settings.TopK, settings.NaiveSeconds / 3, naiveFirstHits), rounds: 3);

        return new Figures(
            KernelGflops: pairs * flopsPerPair / kernelSeconds / 1e9,
            KernelSeconds: kernelSeconds,
            KernelRuns: kernelRuns,
            NaiveGflops: naive.Rate * settings.Rows * flopsPerPair / 1e9,
            NaiveRows: naive.Count,
            KernelQueriesPerSecond: queries.Rows / searchSeconds,
            SearchRuns: searchRuns,
            NaiveQueriesPerSecond: naiveSearch.Rate,
            NaiveQueries: naiveSearch.Count,
            AllPairsDifference: EmbeddingDifference.Max(kernelFirstRow, naiveFirstRow),
            SearchDifference: EmbeddingDifference.Max(hits[0].Select(h => (float)h.Score).ToArray(), naiveFirstHits));
    }

    /// <summary>Runs <paramref name="measure"/> (which returns its own seconds) until both limits are met; the fastest run.</summary>
    private static (double Seconds, int Runs) Best(Func<double> measure, int minimumRuns, double budgetSeconds)
    {
        var best = double.MaxValue;
        var runs = 0;
        var total = Stopwatch.StartNew();
        while (runs < minimumRuns || total.Elapsed.TotalSeconds < budgetSeconds)
        {
            best = Math.Min(best, measure());
            runs++;
        }

        return (best, runs);
    }

    /// <summary>The best items-per-second of several rounds of a naive loop, and how many items that round covered.</summary>
    private static (double Rate, int Count) BestRate(Func<(int Count, double Seconds)> round, int rounds)
    {
        var best = (Rate: 0.0, Count: 0);
        for (var r = 0; r < rounds; r++)
        {
            var (count, seconds) = round();
            if (count / seconds > best.Rate)
            {
                best = (count / seconds, count);
            }
        }

        return best;
    }

    /// <summary>Pack (and normalise) the corpus once, then score every pair, a band of rows at a time so the N×N matrix is never held; row 0's scores are kept.</summary>
    private static double AllPairsKernels(EmbeddingMatrix corpus, Settings settings, float[] firstRow, CancellationToken cancellationToken)
    {
        const int band = 1024;
        var d = settings.Dimensions;
        var destination = new float[Math.Min(band, corpus.Rows) * corpus.Rows];
        var watch = Stopwatch.StartNew();
        using var packed = PackedRows.Pack(SimilarityFunction.Cosine, corpus.Data, d, "corpus", settings.Kernels);
        for (var start = 0; start < corpus.Rows; start += band)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = Math.Min(band, corpus.Rows - start);
            AllPairsScores.Compute(corpus.Data.Slice(start * d, rows * d), packed, destination.AsSpan(0, rows * corpus.Rows), settings.Kernels);
            if (start == 0)
            {
                destination.AsSpan(0, corpus.Rows).CopyTo(firstRow);
            }
        }

        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>The textbook loop: one pair at a time, one float at a time, one thread; norms computed once; row 0's scores are kept.</summary>
    private static (int Rows, double Seconds) AllPairsNaive(EmbeddingMatrix corpus, double budgetSeconds, float[] firstRow)
    {
        var norms = NaiveNorms(corpus);
        var others = new float[corpus.Rows];
        var data = corpus.Buffer;
        var d = corpus.Columns;
        var watch = Stopwatch.StartNew();
        var rows = 0;
        while (rows < corpus.Rows && (rows == 0 || watch.Elapsed.TotalSeconds < budgetSeconds))
        {
            var i = rows * d;
            var scores = rows == 0 ? firstRow : others;
            for (var j = 0; j < corpus.Rows; j++)
            {
                var sum = 0f;
                var o = j * d;
                for (var k = 0; k < d; k++)
                {
                    sum += data[i + k] * data[o + k];
                }

                scores[j] = sum / (norms[rows] * norms[j]);
            }

            rows++;
        }

        return (rows, watch.Elapsed.TotalSeconds);
    }

    /// <summary>Per query: the naive scores, kept in a small sorted array of the best k; the first query's are kept.</summary>
    private static (int Queries, double Seconds) SearchNaive(EmbeddingMatrix queries, EmbeddingMatrix corpus, int topK, double budgetSeconds, float[] firstHits)
    {
        var corpusNorms = NaiveNorms(corpus);
        var queryNorms = NaiveNorms(queries);
        var k = Math.Min(topK, corpus.Rows);
        var bestScores = new float[k];
        var bestIds = new int[k];
        var q = queries.Buffer;
        var c = corpus.Buffer;
        var d = corpus.Columns;
        var watch = Stopwatch.StartNew();
        var done = 0;
        while (done < queries.Rows && (done == 0 || watch.Elapsed.TotalSeconds < budgetSeconds))
        {
            var count = 0;
            for (var j = 0; j < corpus.Rows; j++)
            {
                var sum = 0f;
                for (var x = 0; x < d; x++)
                {
                    sum += q[done * d + x] * c[j * d + x];
                }

                var score = sum / (queryNorms[done] * corpusNorms[j]);
                if (count == k && score <= bestScores[k - 1])
                {
                    continue;
                }

                var at = count < k ? count++ : k - 1;
                while (at > 0 && bestScores[at - 1] < score)
                {
                    bestScores[at] = bestScores[at - 1];
                    bestIds[at] = bestIds[at - 1];
                    at--;
                }

                bestScores[at] = score;
                bestIds[at] = j;
            }

            if (done == 0)
            {
                bestScores.CopyTo(firstHits, 0);
            }

            done++;
        }

        return (done, watch.Elapsed.TotalSeconds);
    }

    private static float[] NaiveNorms(EmbeddingMatrix matrix)
    {
        var norms = new float[matrix.Rows];
        for (var i = 0; i < matrix.Rows; i++)
        {
            var sum = 0f;
            foreach (var x in matrix.Row(i))
            {
                sum += x * x;
            }

            norms[i] = MathF.Max(MathF.Sqrt(sum), 1e-12f);
        }

        return norms;
    }

    private static EmbeddingMatrix RandomMatrix(Random random, int rows, int columns)
    {
        var matrix = new EmbeddingMatrix(rows, columns);
        var data = matrix.Data;
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = random.NextSingle() * 2 - 1;
        }

        return matrix;
    }

    private static int SimdBits =>
        Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : Vector128.IsHardwareAccelerated ? 128 : 0;

    private static int Threads(Settings settings) =>
        settings.Kernels.MaxDegreeOfParallelism == -1 ? Environment.ProcessorCount : settings.Kernels.MaxDegreeOfParallelism;

    private static string ToTable(Settings s, Figures f) => string.Create(CultureInfo.InvariantCulture, $"""
        similarity bench: n={s.Rows} dim={s.Dimensions} queries={s.Queries} top-k={s.TopK} {(s.Embeddings is null ? $"seed={s.Seed}" : $"embeddings={s.Embeddings}")} threads={Threads(s)} simd={SimdBits}-bit
        all-pairs cosine  kernels {f.KernelGflops,10:F2} GFLOP/s   ({(double)s.Rows * s.Rows:E2} pairs in {f.KernelSeconds:F2} s, best of {f.KernelRuns} runs)
                          naive   {f.NaiveGflops,10:F2} GFLOP/s   (scalar, 1 thread, best of 3 rounds, {f.NaiveRows} rows)
                          ratio   {f.KernelGflops / f.NaiveGflops,10:F1}x   (largest score difference {f.AllPairsDifference:G3}, row 0)
        top-{s.TopK} search     kernels {f.KernelQueriesPerSecond,10:F1} queries/s (best of {f.SearchRuns} runs)
                          naive   {f.NaiveQueriesPerSecond,10:F1} queries/s (scalar, 1 thread, best of 3 rounds, {f.NaiveQueries} queries)
                          ratio   {f.KernelQueriesPerSecond / f.NaiveQueriesPerSecond,10:F1}x   (largest score difference {f.SearchDifference:G3}, query 0)

        """);

    private static string ToJson(Settings s, Figures f)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("n", s.Rows);
            json.WriteNumber("dim", s.Dimensions);
            json.WriteNumber("queries", s.Queries);
            json.WriteNumber("topK", s.TopK);
            json.WriteNumber("seed", s.Seed);
            json.WriteString("embeddings", s.Embeddings);
            json.WriteNumber("threads", Threads(s));
            json.WriteNumber("simdBits", SimdBits);
            json.WriteStartObject("allPairsCosine");
            json.WriteNumber("kernelGflops", f.KernelGflops);
            json.WriteNumber("kernelSeconds", f.KernelSeconds);
            json.WriteNumber("kernelRuns", f.KernelRuns);
            json.WriteNumber("naiveGflops", f.NaiveGflops);
            json.WriteNumber("naiveRowsInBestRound", f.NaiveRows);
            json.WriteNumber("ratio", f.KernelGflops / f.NaiveGflops);
            json.WriteNumber("maxAbsDifference", f.AllPairsDifference);
            json.WriteEndObject();
            json.WriteStartObject("topKSearch");
            json.WriteNumber("kernelQueriesPerSecond", f.KernelQueriesPerSecond);
            json.WriteNumber("kernelRuns", f.SearchRuns);
            json.WriteNumber("naiveQueriesPerSecond", f.NaiveQueriesPerSecond);
            json.WriteNumber("naiveQueriesInBestRound", f.NaiveQueries);
            json.WriteNumber("ratio", f.KernelQueriesPerSecond / f.NaiveQueriesPerSecond);
            json.WriteNumber("maxAbsDifference", f.SearchDifference);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private sealed record Settings(int Rows, int Dimensions, int Queries, int TopK, int Seed, double NaiveSeconds, KernelOptions Kernels, string? Embeddings);

    private sealed record Figures(
        double KernelGflops,
        double KernelSeconds,
        int KernelRuns,
        double NaiveGflops,
        int NaiveRows,
        double KernelQueriesPerSecond,
        int SearchRuns,
        double NaiveQueriesPerSecond,
        int NaiveQueries,
        double AllPairsDifference,
        double SearchDifference);
}
