using System.CommandLine;
using Similarity.Grains.Clustering;

namespace Similarity.Cli.Commands;

/// <summary><c>simctl cluster</c>: community detection over embeddings, as JSON lines.</summary>
internal static class ClusterCommand
{
    public static Command Create()
    {
        var embeddings = EmbeddingInputs.RequiredPath("--embeddings", "Embeddings (.npy, rows × dims)");
        var threshold = new Option<double>("--threshold") { Description = "Cosine a row needs to join a community", DefaultValueFactory = _ => CommunityDetector.DefaultThreshold };
        var minSize = new Option<int>("--min-size") { Description = "Members a community needs", DefaultValueFactory = _ => CommunityDetector.DefaultMinCommunitySize };
        var threads = EmbeddingInputs.Threads();
        var output = EmbeddingInputs.Output("the JSON lines");
        var command = new Command("cluster", "Community detection: one JSON line per community, {\"centre\": i, \"members\": [...]}, largest first.")
        {
            embeddings, threshold, minSize, threads, output,
        };

        command.SetAction((parse, cancellationToken) =>
        {
            var bar = parse.GetValue(threshold);
            if (!double.IsFinite(bar))
            {
                throw new CliException($"--threshold must be a finite number, got {bar}");
            }

            var size = EmbeddingInputs.AtLeastOne(parse.GetValue(minSize), "--min-size");
            var kernels = EmbeddingInputs.Kernels(parse.GetValue(threads));
            var rows = EmbeddingInputs.Read(parse.GetRequiredValue(embeddings), "--embeddings");

            var communities = CommunityDetector.Detect(rows, bar, size, kernels, cancellationToken);

            using var lines = new JsonLinesOutput(parse.GetValue(output));
            foreach (var community in communities)
            {
                var line = lines.Line;
                line.WriteStartObject();
                line.WriteNumber("centre", community.Centre);
                line.WriteStartArray("members");
                foreach (var member in community.Members)
                {
                    line.WriteNumberValue(member);
                }

                line.WriteEndArray();
                line.WriteEndObject();
                lines.EndLine();
            }

            return Task.FromResult(0);
        });

        return command;
    }
}
