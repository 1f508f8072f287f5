using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;
using Similarity.Grains.Contracts;
using Similarity.Grains.Contracts.Errors;

namespace Similarity.Grains.Placement;

/// <summary>
/// Keeps the silos whose metadata (<see cref="SiloRole"/>) serves the grain key's model on its device class. When none
/// does, the call fails at once with <see cref="ModelNotServedException"/> naming what is missing, instead of Orleans'
/// generic "no compatible silo".
/// </summary>
public sealed class ServedModelPlacementFilterDirector(ISiloMetadataCache metadata) : IPlacementFilterDirector
{
    public IEnumerable<SiloAddress> Filter(PlacementFilterStrategy filterStrategy, PlacementTarget target, IEnumerable<SiloAddress> silos)
    {
        ModelKey key;
        try
        {
            key = ModelKey.Parse(target.GrainIdentity.Key.ToString()!);
        }
        catch (FormatException e)
        {
            throw new InvalidRequestException($"{e.Message}; worker grains are keyed by model, device and lane", "model");
        }

        var candidates = silos.ToArray();
        var serving = candidates.Where(silo => SiloRole.Of(metadata.GetSiloMetadata(silo)).Serves(key)).ToArray();
        if (serving.Length > 0)
        {
            return serving;
        }

        var elsewhere = candidates.Any(silo => SiloRole.Of(metadata.GetSiloMetadata(silo)).Models.Contains(key.Model));
        throw new ModelNotServedException(
            elsewhere
                ? $"no live {key.Device.Name()} silo serves the model '{key.Model}' (silos of another device class do)"
                : $"no live silo serves the model '{key.Model}'",
            "model");
    }
}
