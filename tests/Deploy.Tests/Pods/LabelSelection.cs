using k8s.Models;

namespace Similarity.Deploy.Tests.Pods;

/// <summary>Whether a selector picks a set of pod labels, as Kubernetes decides it. An empty selector picks nothing here: every selector in the manifests must say what it selects.</summary>
public static class LabelSelection
{
    /// <summary>A Service's selector: every pair must be among the labels.</summary>
    public static bool Matches(IDictionary<string, string>? selector, IDictionary<string, string> labels) =>
        selector is { Count: > 0 } && selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);

    /// <summary>A workload's or budget's selector: its match labels and every match expression.</summary>
    public static bool Matches(V1LabelSelector? selector, IDictionary<string, string> labels)
    {
        var expressions = selector?.MatchExpressions ?? [];
        if (selector is null || (selector.MatchLabels is not { Count: > 0 } && expressions.Count == 0))
        {
            return false;
        }

        return (selector.MatchLabels is not { Count: > 0 } || Matches(selector.MatchLabels, labels)) && expressions.All(e => Matches(e, labels));
    }

    private static bool Matches(V1LabelSelectorRequirement requirement, IDictionary<string, string> labels)
    {
        var present = labels.TryGetValue(requirement.Key, out var value);
        var values = requirement.Values ?? [];
        return requirement.OperatorProperty switch
        {
            "In" => present && values.Contains(value!),
            "NotIn" => !present || !values.Contains(value!),
            "Exists" => present,
            "DoesNotExist" => !present,
            _ => throw new ArgumentException($"unknown label selector operator '{requirement.OperatorProperty}' for key '{requirement.Key}'", nameof(requirement)),
        };
    }
}
