using Similarity.Grains.Contracts;
using Similarity.Inference.Batching;

namespace Similarity.Cli.Commands.Models;

/// <summary>
/// The model a command asked for: a folder run in an embedded silo in this process (<see cref="Cluster"/> null), or
/// the name of a model the silos of a cluster serve (<see cref="Cluster"/>: its PostgreSQL connection string); the
/// device class; in process, how its batcher cuts batches; through a cluster, how long each request may wait.
/// </summary>
internal sealed record ModelRequest(string Model, string? Cluster, string ClusterId, DeviceClass Device, BatchingOptions Batching, TimeSpan ReplyTimeout);
