using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Similarity.Silo.Http;
using Similarity.Silo.Schema;

namespace Similarity.Silo.Hosting;

/// <summary>Builds a silo process on the .NET Generic Host: configuration in, a runnable <see cref="IHost"/> out.</summary>
public static class SiloHost
{
    /// <summary>Environment variables with this prefix configure the silo (<c>SIMILARITY_SILO__CLUSTER</c>, ...).</summary>
    public const string EnvironmentPrefix = "SIMILARITY_";

    /// <summary>
    /// Builds a silo from <paramref name="configuration"/> (its <c>Silo</c> and <c>Logging</c> sections); invalid settings
    /// throw <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> listing every problem. Kestrel starts
    /// first (so <c>/healthz</c> answers while models load), then with a cluster its schema is migrated, then the Orleans silo, which loads its models and joins the
    /// cluster only once they answer. <paramref name="configureServices"/> runs first, so callers can supply their own
    /// instances (a model loader).
    /// </summary>
    public static IHost Build(IConfiguration configuration, Action<IServiceCollection>? configureServices = null) =>
        Build(SiloSettings.Read(configuration), configuration, configureServices);

    /// <summary>Builds a silo from settings made in code; <paramref name="configuration"/> gives the rest (<c>Logging</c>).</summary>
    public static IHost Build(SiloSettings silo, IConfiguration configuration, Action<IServiceCollection>? configureServices = null)
    {
        var builder = new HostBuilder()
            .ConfigureAppConfiguration(config => config.AddConfiguration(configuration))
            .ConfigureLogging(logging => ConfigureLogging(logging, configuration))
            .UseDefaultServiceProvider(provider =>
            {
                provider.ValidateScopes = true;
                provider.ValidateOnBuild = true;
            })
            .ConfigureServices(services =>
            {
                configureServices?.Invoke(services);
                services.AddSimilaritySiloProcess(silo);
                services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(silo.Options.DrainSeconds + 5));
            });

        if (silo.Http is { } http)
        {
            builder.ConfigureWebHost(web => web
                .UseKestrel(kestrel => kestrel.Listen(http.Bind))
                .ConfigureServices(services => services.AddRouting())
                .Configure(app =>
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints => SiloRoutes.Map(endpoints));
                }));
        }

        if (silo.Options.Cluster is { } cluster && !silo.Options.IsEmbedded)
        {
            builder.ConfigureServices(services => services.AddHostedService(sp =>
                new SchemaMigrationService(cluster, sp.GetRequiredService<ILogger<SchemaMigrationService>>())));
        }

        builder.UseOrleans(orleans => SiloConfiguration.Apply(orleans, silo));
        return builder.Build();
    }

    private static void ConfigureLogging(ILoggingBuilder logging, IConfiguration configuration)
    {
        // Orleans reports every routine step at Information; a silo's own log says what it serves and what failed.
        logging.AddFilter("Orleans", LogLevel.Warning);
        logging.AddFilter("Polly", LogLevel.Warning);
        logging.AddConfiguration(configuration.GetSection("Logging"));
        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
        });
        logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}
