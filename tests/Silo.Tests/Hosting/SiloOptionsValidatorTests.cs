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
    public void A_silo_without_models_is_valid_it_serves_other_grains()
    {
        Assert.Empty(Problems(new SiloOptions()));
    }

    [Fact]
    public void An_unknown_device_is_named()
    {
        var options = Valid();
        options.Device = "tpu";

        Assert.Contains("--device 'tpu' must be cpu or gpu", Problems(options));
    }

    [Fact]
    public void A_cluster_that_is_not_a_postgresql_connection_string_is_refused_without_showing_the_password()
    {
        var options = Valid();
        options.Cluster = "Server=db;Pasword=secret";

        var problem = Assert.Single(Problems(options));

        Assert.StartsWith("--cluster is not a PostgreSQL connection string", problem);
        Assert.DoesNotContain("secret", problem);
    }

    [Fact]
    public void A_cluster_connection_string_must_name_its_host()
    {
        var options = Valid();
        options.Cluster = "Username=silo;Password=secret;Database=similarity";

        Assert.Contains("--cluster must name the PostgreSQL Host (Host=...;Port=...;Username=...;Database=...)", Problems(options));
    }

    [Fact]
    public void A_primary_silo_is_only_for_development_clusters()
    {
        var options = Valid();
        options.Cluster = "Host=db;Username=silo";
        options.PrimarySilo = "127.0.0.1:11111";

        Assert.Contains(Problems(options), p => p.StartsWith("--primary-silo is for development clusters", StringComparison.Ordinal));
    }

    [Fact]
    public void Silo_and_gateway_ports_must_differ()
    {
        var options = Valid();
        options.GatewayPort = options.SiloPort;

        Assert.Contains($"--silo-port and --gateway-port must differ; both are {options.SiloPort}", Problems(options));
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
        options.QueueCapacity = -1;
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
