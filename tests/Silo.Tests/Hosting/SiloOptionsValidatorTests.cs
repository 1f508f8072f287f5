using Similarity.Silo.Hosting;

namespace Similarity.Silo.Tests.Hosting;

public class SiloOptionsValidatorTests
{
    private static SiloOptions Valid() => new() { Models = { ["mini"] = "/models/mini" } };

    private static IReadOnlyList<string> Problems(SiloOptions options) =>
        new SiloOptionsValidator().Validate(null, options).Failures?.ToArray() ?? [];

    [Fact]
    public void Minimal_options_with_one_model_are_valid()
    {
        Assert.Empty(Problems(Valid()));
    }

    [Fact]
    public void A_silo_without_models_is_refused()
    {
        Assert.Contains("no models: give at least one --model NAME=DIR", Problems(new SiloOptions()));
    }

    [Fact]
    public void An_unknown_device_is_named()
    {
        var options = Valid();
        options.Device = "tpu";

        Assert.Contains("--device 'tpu' must be cpu or gpu", Problems(options));
    }

    [Fact]
    public void A_broker_that_is_not_amqp_is_refused_without_showing_the_password()
    {
        var options = Valid();
        options.Broker = "http://user:secret@host:5672/";

        var problem = Assert.Single(Problems(options));

        Assert.Contains("must be an amqp:// or amqps:// URI", problem);
        Assert.DoesNotContain("secret", problem);
    }

    [Fact]
    public void A_bad_http_address_is_named()
    {
        var options = Valid();
        options.Http = "8080";

        Assert.Contains("--http '8080' must look like HOST:PORT (e.g. 0.0.0.0:8080)", Problems(options));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var options = Valid();
        options.BatchTokens = 0;
        options.Prefetch = -1;
        options.MaxWaitMs = -5;

        Assert.Equal(3, Problems(options).Count);
    }

    [Fact]
    public void An_invalid_model_name_is_named()
    {
        var options = new SiloOptions { Models = { ["bad name"] = "/x" } };

        Assert.Contains(Problems(options), p => p.Contains("'bad name'", StringComparison.Ordinal));
    }
}
