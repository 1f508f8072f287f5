using Orleans.Placement;

namespace Similarity.Grains.Placement;

/// <summary>Places a worker grain keyed by <c>ModelKey</c> only on silos that serve its model on its device class.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ServedModelPlacementFilterAttribute() : PlacementFilterAttribute(new ServedModelPlacementFilterStrategy());
