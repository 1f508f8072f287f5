using System.Text;
using Microsoft.Extensions.Configuration;
using Similarity.Grains.Contracts;
using Similarity.Silo.Hosting;

namespace Similarity.Silo.Tests.Hosting;

public class SiloConfigurationTests
{
    [Fact]
    public void A_json_settings_file_binds_cluster_models_device_and_limits()
    {
        const string json = """
            {"Silo": {"Cluster": "Host=db;Port=5432;Username=silo;Password=x;Database=similarity", "Device": "gpu",
                      "Models": {"minilm": "/models/minilm", "ms-marco": "/models/ce"}, "QueueCapacity": 500, "SiloPort": 11112, "Http": "0.0.0.0:8080"}}
            """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

        var options = configuration.GetSection(SiloOptions.Section).Get<SiloOptions>()!;

        Assert.Equal(DeviceClass.Gpu, options.DeviceClass);
        Assert.Equal(["minilm=/models/minilm", "ms-marco=/models/ce"], options.ModelBindings.Select(b => b.ToString()));
        Assert.Equal((500, 11112, false), (options.LoadSettings.Batching.QueueCapacity, options.SiloPort, options.IsEmbedded));
        Assert.Empty(new SiloOptionsValidator().Validate(null, options).Failures ?? []);
    }

    [Fact]
    public void Environment_style_keys_override_the_file()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream("""{"Silo": {"Device": "cpu", "Models": {"a": "/a"}}}"""u8.ToArray()))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["SILO:DEVICE"] = "gpu", ["SILO:MODELS:b"] = "/b" })
            .Build();

        var options = configuration.GetSection(SiloOptions.Section).Get<SiloOptions>()!;

        Assert.Equal(DeviceClass.Gpu, options.DeviceClass);
        Assert.Equal(["a", "b"], options.ModelBindings.Select(b => b.Name));
    }
}
