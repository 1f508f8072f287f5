namespace Similarity.Deploy.Tests.Pods;

/// <summary>
/// One resolved environment variable: its <paramref name="Source"/>, the text when the manifests hold it (a literal or
/// a ConfigMap value), and what it refers to: the ConfigMap or Secret name with its key, or the downward API field.
/// </summary>
public sealed record EnvironmentValue(EnvironmentSource Source, string? Text, string? Reference = null, string? Key = null)
{
    public static EnvironmentValue Literal(string text) => new(EnvironmentSource.Literal, text);

    public override string ToString() => Source switch
    {
        EnvironmentSource.Literal => $"'{Text}'",
        EnvironmentSource.Field or EnvironmentSource.Resource => $"{Source} {Key}",
        _ => $"{Source} {Reference}/{Key}" + (Text is null ? "" : $" = '{Text}'"),
    };
}
