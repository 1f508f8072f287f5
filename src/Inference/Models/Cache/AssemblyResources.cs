using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Similarity.Inference.Models.Cache;

/// <summary>
/// The embedded resources of a .NET assembly file, read from its metadata with <see cref="PEReader"/>: the assembly is
/// never loaded, so none of its code runs. Resources are copied straight from the mapped file to their destination.
/// </summary>
internal sealed class AssemblyResources : IDisposable
{
    private readonly FileStream _file;
    private readonly PEReader _reader;
    private readonly MetadataReader _metadata;

    private AssemblyResources(string path, FileStream file, PEReader reader, MetadataReader metadata)
    {
        Path = path;
        _file = file;
        _reader = reader;
        _metadata = metadata;
    }

    public string Path { get; }

    /// <summary>Opens <paramref name="path"/>; a file that is not a .NET assembly is an <see cref="InvalidDataException"/> naming it.</summary>
    public static AssemblyResources Open(string path)
    {
        var file = File.OpenRead(path);
        try
        {
            var reader = new PEReader(file);
            if (!reader.HasMetadata)
            {
                reader.Dispose();
                throw new InvalidDataException($"'{path}' is not a .NET assembly: it has no metadata.");
            }

            return new AssemblyResources(path, file, reader, reader.GetMetadataReader());
        }
        catch (BadImageFormatException e)
        {
            file.Dispose();
            throw new InvalidDataException($"'{path}' is not a readable .NET assembly: {e.Message}", e);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The names of the resources embedded in the file itself.</summary>
    public IReadOnlyList<string> Names =>
        _metadata.ManifestResources.Select(h => _metadata.GetManifestResource(h)).Where(r => r.Implementation.IsNil).Select(r => _metadata.GetString(r.Name)).ToArray();

    /// <summary>Writes resource <paramref name="name"/> to <paramref name="destination"/>; an absent one is an <see cref="InvalidDataException"/> listing those present.</summary>
    public unsafe long CopyTo(string name, string destination)
    {
        foreach (var handle in _metadata.ManifestResources)
        {
            var resource = _metadata.GetManifestResource(handle);
            if (!resource.Implementation.IsNil || _metadata.GetString(resource.Name) != name)
            {
                continue;
            }

            var directory = _reader.PEHeaders.CorHeader!.ResourcesDirectory;
            var block = _reader.GetSectionData(directory.RelativeVirtualAddress);
            var offset = checked((int)resource.Offset);
            if (offset < 0 || offset > block.Length - sizeof(int))
            {
                throw new InvalidDataException($"'{Path}': resource '{name}' lies outside the resources section.");
            }

            // Each resource is a little-endian 32-bit length followed by its bytes.
            var start = block.Pointer + offset;
            var length = BitConverter.ToInt32(new ReadOnlySpan<byte>(start, sizeof(int)));
            if (length < 0 || length > block.Length - offset - sizeof(int))
            {
                throw new InvalidDataException($"'{Path}': resource '{name}' claims {length} bytes, more than its section holds.");
            }

            using var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
            using var input = new UnmanagedMemoryStream(start + sizeof(int), length);
            input.CopyTo(output);
            return length;
        }

        throw new InvalidDataException($"'{Path}' has no resource '{name}'; it has {string.Join(", ", Names)}.");
    }

    public void Dispose()
    {
        _reader.Dispose();
        _file.Dispose();
    }
}
