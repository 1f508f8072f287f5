using System.CommandLine;
using Similarity.Cli.Commands.Corpus.Sources;
using Similarity.Client.Corpora;
using Similarity.Grains.Contracts.Corpora.Ingest;

namespace Similarity.Cli.Commands.Corpus;

/// <summary>The options of commands that add rows: texts or embeddings, and how they are cut and spread.</summary>
internal sealed class CorpusInputArguments
{
    public Option<string?> Input { get; } = new("--input") { Description = "Texts to add, one per line, UTF-8 (every line is a text); the corpus's model encodes them on the silos." };

    public Option<string?> Embeddings { get; } = new("--embeddings") { Description = "Embeddings to add instead of texts: a float32 [rows, dimension] .npy (the encoder is skipped)." };

    public Option<int> BatchSize { get; } = new("--batch-size")
    {
        Description = $"Rows per ingest batch (1-{CorpusSources.MaxBatchSize}).",
        DefaultValueFactory = _ => CorpusSources.DefaultBatchSize,
    };

    public Option<int> Lanes { get; } = new("--lanes")
    {
        Description = $"Ingest streams batches are dealt over: batches on different lanes are encoded and stored at once (1-{IngestPlan.MaxLanes}).",
        DefaultValueFactory = _ => new CorpusAddOptions().Lanes,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Input);
        command.Options.Add(Embeddings);
        command.Options.Add(BatchSize);
        command.Options.Add(Lanes);
    }

    /// <summary>True when the command was given rows to add.</summary>
    public bool IsGiven(ParseResult parse) => parse.GetValue(Input) is not null || parse.GetValue(Embeddings) is not null;

    /// <summary>The input, checked in full (texts decoded, values finite) before anything is published.</summary>
    public ICorpusSource Open(ParseResult parse)
    {
        var input = parse.GetValue(Input);
        var embeddings = parse.GetValue(Embeddings);
        if ((input is null) == (embeddings is null))
        {
            throw new CliException("give the rows to add as either --input texts.txt or --embeddings E.npy");
        }

        var batchSize = parse.GetValue(BatchSize);
        if (batchSize is < 1 or > CorpusSources.MaxBatchSize)
        {
            throw new CliException($"--batch-size must be 1 to {CorpusSources.MaxBatchSize}, not {batchSize}");
        }

        return input is not null ? new TextFileSource(input, batchSize) : new NpyFileSource(embeddings!, batchSize);
    }

    public CorpusAddOptions Options(ParseResult parse, string? model)
    {
        var lanes = parse.GetValue(Lanes);
        if (lanes is < 1 or > IngestPlan.MaxLanes)
        {
            throw new CliException($"--lanes must be 1 to {IngestPlan.MaxLanes}, not {lanes}");
        }

        return new CorpusAddOptions { Lanes = lanes, Window = 4 * lanes, Model = model };
    }
}
