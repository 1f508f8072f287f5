using System.Text;
using Microsoft.Extensions.Configuration;
using Similarity.Grains.Contracts;
using Similarity.Silo.Hosting;

namespace Similarity.Silo.Tests.Hosting;

public class SiloConfigurationTests
{
    [Fact]
    public void A_json_settings_file_binds_models_device_and_limits()
    {
        const string json = """
            {"Silo": {"Broker": "amqp://u:p@rabbit:5672/", "Device": "gpu", "Models": {"minilm": "/models/minilm", "ms-marco": "/models/ce"},
                      "Prefetch": 128, "MaxQueueLength": 500, "Http": "0.0.0.0:8080"}}
            """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

        var options = configuration.GetSection(SiloOptions.Section).Get<SiloOptions>()!;

        Assert.Equal(DeviceClass.Gpu, options.DeviceClass);
        Assert.Equal(["minilm=/models/minilm", "ms-marco=/models/ce"], options.ModelBindings.Select(b => b.ToString()));
        Assert.Equal((128, 500), (options.QueueOptions.Prefetch, options.QueueOptions.MaxLength));
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
