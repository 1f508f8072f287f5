namespace Similarity.Deploy.Tests.Manifests;

/// <summary>The cluster runs on Orleans and PostgreSQL: nothing in deploy/k8s still points at the old message broker.</summary>
public class BrokerRemovalTests
{
    [Theory]
    [InlineData("rabbitmq")]
    [InlineData("amqp")]
    public void No_file_in_deploy_k8s_mentions_the_broker(string word)
    {
        var mentions = Directory.EnumerateFiles(ManifestFolder.Path, "*", SearchOption.AllDirectories)
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (path, line, index)))
            .Where(l => l.line.Contains(word, StringComparison.OrdinalIgnoreCase))
            .Select(l => $"{Path.GetRelativePath(ManifestFolder.Path, l.path)}:{l.index + 1}: {l.line.Trim()}");

        Assert.Empty(mentions);
    }
}
