using Orleans.Runtime;
using Similarity.Grains.Contracts.Errors;
using Similarity.Grains.Serving;
using Similarity.Silo.Tests.Doubles;

namespace Similarity.Silo.Tests.Grains;

/// <summary>A silo's models by name: an unknown name is the caller's error; a stopping silo is a lost silo, retried elsewhere.</summary>
public sealed class ServedModelsTests
{
    [Fact]
    public async Task A_name_the_silo_does_not_serve_is_refused_naming_the_model()
    {
        await using var models = Published("m");

        var error = Assert.Throws<ModelNotServedException>(() => models.Get("other"));

        Assert.Contains("'other'", error.Message);
        Assert.Same(models.All.Single(), models.Get("m"));
    }

    [Fact]
    public async Task Once_the_silo_stops_its_models_are_unavailable_not_unknown()
    {
        var models = Published("m");
        await models.DisposeAsync();

        var error = Assert.Throws<SiloUnavailableException>(() => models.Get("m"));

        Assert.Contains("stopping", error.Message);
        Assert.True(Similarity.Grains.Contracts.Calls.TransientFailure.IsTransient(error), "callers retry it on another silo");
    }

    private static ServedModels Published(string name)
    {
        var models = new ServedModels();
        models.Publish([new ServedModel(name, new HashSentenceEncoder(), null)]);
        return models;
    }
}
