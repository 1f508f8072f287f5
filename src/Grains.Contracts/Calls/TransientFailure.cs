using Orleans.Runtime.Messaging;
using Orleans.Runtime;

namespace Similarity.Grains.Contracts.Calls;

/// <summary>
/// Which failures of a grain call say "the silo went away or did not answer", not "the request is wrong": the ones an
/// idempotent call (encode, predict, a search) retries after a pause, when membership has moved its grain elsewhere.
/// </summary>
public static class TransientFailure
{
    public static bool IsTransient(Exception error) => error switch
    {
        SiloUnavailableException => true,
        ConnectionFailedException => true,
        OrleansMessageRejectionException => true,
        TimeoutException => true,
        AggregateException { InnerExceptions.Count: 1 } aggregate => IsTransient(aggregate.InnerExceptions[0]),
        _ => false,
    };
}
