using System.Text.RegularExpressions;
using k8s.Models;
using Similarity.Deploy.Tests.Manifests;

namespace Similarity.Deploy.Tests.Pods;

/// <summary>
/// The environment a container starts with, resolved as the kubelet does: <c>envFrom</c> sources in order (with their
/// prefixes), then <c>env</c> entries, which win. ConfigMap values are looked up in the manifests; Secret values are not.
/// </summary>
public sealed partial class ContainerEnvironment
{
    private readonly Dictionary<string, EnvironmentValue> _variables;

    private ContainerEnvironment(Dictionary<string, EnvironmentValue> variables)
    {
        _variables = variables;
    }

    public IReadOnlyDictionary<string, EnvironmentValue> Variables => _variables;

    public EnvironmentValue? this[string name] => _variables.GetValueOrDefault(name);

    /// <summary>The text of <paramref name="name"/> when the manifests hold it (a literal or a ConfigMap value), else null.</summary>
    public string? Text(string name) => this[name]?.Text;

    /// <summary>
    /// What an argument amounts to: an argument that is exactly one <c>$(NAME)</c> is that variable (the kubelet
    /// expands it); any other argument is itself. A reference to an undefined variable is a <see cref="ManifestException"/>.
    /// </summary>
    public EnvironmentValue Expand(string argument)
    {
        var reference = Reference().Match(argument);
        if (!reference.Success)
        {
            return EnvironmentValue.Literal(argument);
        }

        var name = reference.Groups[1].Value;
        return this[name] ?? throw new ManifestException($"argument '{argument}' refers to {name}, which the container's environment does not define");
    }

    /// <summary>
    /// The variables <paramref name="argument"/> refers to as <c>$(NAME)</c> that this environment lacks: the kubelet
    /// leaves such a reference as written, so the program would get the literal text. <c>$$(</c> is an escaped <c>$(</c>.
    /// </summary>
    public IEnumerable<string> UndefinedReferences(string argument) =>
        References().Matches(argument).Select(m => m.Groups[1].Value).Where(name => !_variables.ContainsKey(name));

    public static ContainerEnvironment Of(V1Container container, ManifestSet manifests)
    {
        var variables = new Dictionary<string, EnvironmentValue>(StringComparer.Ordinal);
        foreach (var source in container.EnvFrom ?? [])
        {
            var prefix = source.Prefix ?? "";
            if (source.ConfigMapRef is { } mapRef && manifests.ConfigMap(mapRef.Name) is { } map)
            {
                foreach (var (key, value) in map.Data ?? new Dictionary<string, string>())
                {
                    variables[prefix + key] = new EnvironmentValue(EnvironmentSource.ConfigMap, value, mapRef.Name, key);
                }
            }

            if (source.SecretRef is { } secretRef && manifests.Secret(secretRef.Name) is { } secret)
            {
                foreach (var key in SecretKeys(secret))
                {
                    variables[prefix + key] = new EnvironmentValue(EnvironmentSource.Secret, null, secretRef.Name, key);
                }
            }
        }

        foreach (var variable in container.Env ?? [])
        {
            variables[variable.Name] = Resolve(variable, manifests);
        }

        return new ContainerEnvironment(variables);
    }

    /// <summary>The keys a Secret defines, in <c>data</c> or <c>stringData</c>.</summary>
    public static IEnumerable<string> SecretKeys(V1Secret secret) =>
        (secret.Data?.Keys ?? []).Concat(secret.StringData?.Keys ?? []);

    private static EnvironmentValue Resolve(V1EnvVar variable, ManifestSet manifests) => variable.ValueFrom switch
    {
        null => EnvironmentValue.Literal(variable.Value ?? ""),
        { ConfigMapKeyRef: { } key } => new EnvironmentValue(
            EnvironmentSource.ConfigMap,
            manifests.ConfigMap(key.Name)?.Data is { } data && data.TryGetValue(key.Key, out var value) ? value : null,
            key.Name,
            key.Key),
        { SecretKeyRef: { } key } => new EnvironmentValue(EnvironmentSource.Secret, null, key.Name, key.Key),
        { FieldRef: { } field } => new EnvironmentValue(EnvironmentSource.Field, null, Key: field.FieldPath),
        { ResourceFieldRef: { } resource } => new EnvironmentValue(EnvironmentSource.Resource, null, Key: resource.Resource),
        _ => throw new ManifestException($"environment variable {variable.Name} has a valueFrom of no known kind"),
    };

    [GeneratedRegex(@"^\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)$")]
    private static partial Regex Reference();

    [GeneratedRegex(@"(?<!\$)\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)")]
    private static partial Regex References();
}
