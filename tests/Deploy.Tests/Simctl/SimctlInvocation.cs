using k8s.Models;

namespace Similarity.Deploy.Tests.Simctl;

/// <summary>
/// A container's <c>simctl</c> command line: the image's entrypoint is simctl, so a container that sets no command
/// runs simctl with its args. Verbs are the leading words (<c>silo</c>, <c>db migrate</c>); options are
/// <c>--name value</c>, <c>--name=value</c> or a bare <c>--flag</c>.
/// </summary>
public sealed class SimctlInvocation
{
    private readonly Dictionary<string, List<string>> _options;

    private SimctlInvocation(IReadOnlyList<string> verbs, Dictionary<string, List<string>> options)
    {
        Verbs = verbs;
        _options = options;
    }

    public IReadOnlyList<string> Verbs { get; }

    /// <summary>The verbs as typed: <c>db migrate</c>.</summary>
    public string Command => string.Join(' ', Verbs);

    public bool Has(string option) => _options.ContainsKey(option);

    /// <summary>The value of <paramref name="option"/> (the last, if repeated); null when absent or a bare flag.</summary>
    public string? Option(string option) => _options.GetValueOrDefault(option)?.LastOrDefault();

    /// <summary>The simctl command line <paramref name="container"/> runs, or null when it overrides the entrypoint.</summary>
    public static SimctlInvocation? Of(V1Container container) =>
        container.Command is { Count: > 0 } || container.Args is not { Count: > 0 } ? null : Parse(container.Args);

    public static SimctlInvocation Parse(IEnumerable<string> arguments)
    {
        var verbs = new List<string>();
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        string? pending = null;
        foreach (var argument in arguments)
        {
            if (argument.StartsWith("--", StringComparison.Ordinal))
            {
                var split = argument.IndexOf('=', StringComparison.Ordinal);
                var name = split < 0 ? argument : argument[..split];
                var values = options.TryGetValue(name, out var existing) ? existing : options[name] = [];
                if (split < 0)
                {
                    pending = name;
                }
                else
                {
                    values.Add(argument[(split + 1)..]);
                    pending = null;
                }
            }
            else if (pending is not null)
            {
                options[pending].Add(argument);
                pending = null;
            }
            else if (options.Count == 0)
            {
                verbs.Add(argument);
            }
            else
            {
                throw new FormatException($"simctl argument '{argument}' follows an option value but is neither an option nor a verb");
            }
        }

        return new SimctlInvocation(verbs, options);
    }
}
