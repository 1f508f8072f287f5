using Similarity.Grains.Contracts;
using Similarity.Inference.Models;
using Similarity.Silo.Models;

namespace Similarity.Silo.Tests.Doubles;

/// <summary>
/// The model the "cluster equals in-process" tests serve: a loader and a folder, with the in-process reference loaded
/// by the same loader. Today the hash test double; to run the same tests on a real model, return the model-folder
/// loader with a fixture folder such as <c>SharedFolder.Model("bert-mean")</c>.
/// </summary>
public sealed record ClusterTestModel(IModelLoader Loader, string Folder)
{
    public static ClusterTestModel Encoder() => new(new TestModelLoader(), TestModelLoader.Register(new HashSentenceEncoder(24)));

    public async Task<ISentenceEncoder> LoadReferenceAsync()
    {
        var model = await Loader.LoadAsync(new ModelBinding("reference", Folder), new ModelLoadSettings(DeviceClass.Cpu, 16_384, TimeSpan.FromMilliseconds(2)));
        return model.Encoder ?? throw new InvalidOperationException($"{Folder} is not a bi-encoder");
    }
}
