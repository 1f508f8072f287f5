namespace Similarity.Deploy.Tests.Pods;

/// <summary>Where a container's environment variable gets its value.</summary>
public enum EnvironmentSource
{
    /// <summary>A <c>value</c> written in the manifest.</summary>
    Literal,

    /// <summary>A ConfigMap key, through <c>configMapKeyRef</c> or <c>envFrom</c>.</summary>
    ConfigMap,

    /// <summary>A Secret key, through <c>secretKeyRef</c> or <c>envFrom</c>: the value is not in the manifests.</summary>
    Secret,

    /// <summary>The downward API's <c>fieldRef</c> (pod name, IP, namespace, ...).</summary>
    Field,

    /// <summary>The downward API's <c>resourceFieldRef</c> (a request or limit).</summary>
    Resource,
}
