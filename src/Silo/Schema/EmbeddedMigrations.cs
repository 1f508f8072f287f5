using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Similarity.Silo.Schema;

/// <summary>
/// The migrations compiled into this assembly from <c>Schema/Migrations/NNNN_name.sql</c>, in version order. A
/// misnamed file or a gap in the numbering is a build mistake and fails loudly the first time they are read.
/// </summary>
internal static partial class EmbeddedMigrations
{
    private const string Prefix = "Similarity.Silo.Schema.Migrations.";

    private static readonly Lazy<IReadOnlyList<SchemaMigration>> Loaded = new(() => Load(typeof(EmbeddedMigrations).Assembly));

    public static IReadOnlyList<SchemaMigration> All => Loaded.Value;

    internal static IReadOnlyList<SchemaMigration> Load(Assembly assembly)
    {
        var migrations = new List<SchemaMigration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var file = resource[Prefix.Length..];
            var match = FileNamePattern().Match(file);
            if (!match.Success)
            {
                throw new InvalidOperationException($"schema migration '{file}' is not named NNNN_name.sql");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new SchemaMigration(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value, reader.ReadToEnd()));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"schema migrations must be numbered 1, 2, 3... without gaps or repeats; found {migrations[i].FileName} at position {i + 1}");
            }
        }

        return migrations;
    }

    [GeneratedRegex(@"^(\d{4})_([a-z0-9_]+)\.sql$")]
    private static partial Regex FileNamePattern();
}
