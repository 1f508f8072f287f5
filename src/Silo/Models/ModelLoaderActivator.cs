using System.Reflection;
using System.Runtime.Loader;
using Microsoft.Extensions.DependencyInjection;

namespace Similarity.Silo.Models;

/// <summary>
/// Creates the loader named by <c>Silo:ModelLoader</c> (an assembly-qualified type name): a plug-in point for other
/// runtimes and for test doubles in separate processes. The assembly is looked up by name, then beside the silo's binaries.
/// </summary>
public static class ModelLoaderActivator
{
    public static IModelLoader Create(string typeName, IServiceProvider services)
    {
        var type = Resolve(typeName);
        if (!typeof(IModelLoader).IsAssignableFrom(type))
        {
            throw new ModelLoadException($"model loader '{typeName}' does not implement {nameof(IModelLoader)}");
        }

        return (IModelLoader)ActivatorUtilities.CreateInstance(services, type);
    }

    private static Type Resolve(string typeName)
    {
        var type = Type.GetType(typeName, throwOnError: false);
        if (type is not null)
        {
            return type;
        }

        var comma = typeName.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0)
        {
            var assemblyName = typeName[(comma + 1)..].Trim();
            var path = Path.Combine(AppContext.BaseDirectory, new AssemblyName(assemblyName).Name + ".dll");
            if (File.Exists(path))
            {
                var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
                type = assembly.GetType(typeName[..comma].Trim(), throwOnError: false);
                if (type is not null)
                {
                    return type;
                }
            }
        }

        throw new ModelLoadException($"model loader type '{typeName}' not found");
    }
}
