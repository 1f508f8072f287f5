using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Similarity.Silo.Calls;
using Similarity.Silo.Fabric;
using Similarity.Silo.Fabric.InMemory;
using Similarity.Silo.Fabric.RabbitMq;
using Similarity.Silo.Membership;
using Similarity.Silo.Membership.Postgres;
using Similarity.Silo.Metrics;
using Similarity.Silo.Models;

namespace Similarity.Silo.Hosting;

/// <summary>Registers a silo's services. Instances registered before (a shared fabric, membership or loader) win.</summary>
public static class SiloServiceCollectionExtensions
{
    public static IServiceCollection AddSimilaritySilo(this IServiceCollection services, IConfiguration siloSection)
    {
        services.AddOptions<SiloOptions>().Bind(siloSection).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SiloOptions>, SiloOptionsValidator>());
        services.TryAddSingleton<SiloMetrics>();
        services.TryAddSingleton(sp => SiloIdentity.Create(sp.GetRequiredService<IOptions<SiloOptions>>().Value));
        services.TryAddSingleton<IGrainFabric>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SiloOptions>>().Value;
            var identity = sp.GetRequiredService<SiloIdentity>();
            var loggers = sp.GetRequiredService<ILoggerFactory>();
            return options.Broker is null
                ? new InMemoryFabric(loggers.CreateLogger<InMemoryFabric>())
                : new RabbitMqFabric(
                    new RabbitMqFabricOptions { Broker = new Uri(options.Broker), ClusterId = options.ClusterId, ConnectionName = identity.SiloId },
                    loggers.CreateLogger<RabbitMqFabric>());
        });
        services.TryAddSingleton<IMembershipTable>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SiloOptions>>().Value;
            return options.Postgres is null ? new InMemoryMembershipTable() : new PostgresMembershipTable(options.Postgres);
        });
        services.TryAddSingleton<IModelLoader>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SiloOptions>>().Value;
            return options.ModelLoader is { } type ? ModelLoaderActivator.Create(type, sp) : new ModelFolderLoader();
        });
        services.TryAddSingleton(sp =>
            new GrainFactory(sp.GetRequiredService<IGrainFabric>(), sp.GetRequiredService<IOptions<SiloOptions>>().Value.CallOptions));
        services.TryAddSingleton<SiloService>();
        services.AddHostedService(sp => sp.GetRequiredService<SiloService>());
        return services;
    }
}
