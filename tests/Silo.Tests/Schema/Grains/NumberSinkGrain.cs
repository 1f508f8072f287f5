using Orleans.Runtime;
using Orleans.Streams;

namespace Similarity.Silo.Tests.Schema.Grains;

[ImplicitStreamSubscription(Namespace)]
public sealed class NumberSinkGrain : Grain, INumberSinkGrain
{
    public const string Namespace = "numbers";

    private readonly List<int> _received = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(ClusterOnSchema.StreamProvider).GetStream<int>(StreamId.Create(Namespace, this.GetPrimaryKey()));
        await stream.SubscribeAsync((number, _) =>
        {
            _received.Add(number);
            return Task.CompletedTask;
        });
    }

    public Task<int[]> Received() => Task.FromResult(_received.ToArray());
}
