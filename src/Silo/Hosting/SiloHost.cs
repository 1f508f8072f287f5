using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Similarity.Silo.Http;

namespace Similarity.Silo.Hosting;

/// <summary>Builds a silo process on the .NET Generic Host: configuration in, a runnable <see cref="IHost"/> out.</summary>
public static class SiloHost
{
    /// <summary>Environment variables with this prefix configure the silo (<c>SIMILARITY_SILO__BROKER</c>, ...).</summary>
    public const string EnvironmentPrefix = "SIMILARITY_";

    /// <summary>
    /// Builds a silo from <paramref name="configuration"/> (its <c>Silo</c> and <c>Logging</c> sections). With
    /// <c>Silo:Http</c> set, Kestrel serves the HTTP API, health and metrics. <paramref name="configureServices"/> runs
    /// first, so callers can supply shared instances (a local cluster's fabric, membership, model loader).
    /// </summary>
    public static IHost Build(IConfiguration configuration, Action<IServiceCollection>? configureServices = null)
    {
        var siloSection = configuration.GetSection(SiloOptions.Section);
        var http = siloSection[nameof(SiloOptions.Http)];
        var builder = new HostBuilder()
            .ConfigureAppConfiguration(config => config.AddConfiguration(configuration))
            .ConfigureLogging(logging =>
            {
                logging.AddConfiguration(configuration.GetSection("Logging"));
                logging.AddSimpleConsole(console =>
                {
                    console.SingleLine = true;
                    console.TimestampFormat = "HH:mm:ss.fff ";
                });
                logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
            })
            .UseDefaultServiceProvider(provider =>
            {
                provider.ValidateScopes = true;
                provider.ValidateOnBuild = true;
            })
            .ConfigureServices(services => configureServices?.Invoke(services));

        if (!string.IsNullOrEmpty(http))
        {
            var address = ListenAddress.Parse(http);
            builder.ConfigureWebHost(web => web
                .UseKestrel(kestrel =>
                {
                    if (address.IPAddress is { } ip)
                    {
                        kestrel.Listen(ip, address.Port);
                    }
                    else
                    {
                        kestrel.ListenAnyIP(address.Port);
                    }
                })
                .ConfigureServices(services => services.AddRouting())
                .Configure(app =>
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints => SiloRoutes.Map(endpoints));
                }));
        }

        builder.ConfigureServices(services => services.AddSimilaritySilo(siloSection));
        return builder.Build();
    }
}
