using Orleans.Runtime;
using Similarity.Grains.Contracts.Calls;
using Similarity.Grains.Contracts.Errors;

namespace Similarity.Silo.Tests.Sdk;

/// <summary>Which failures an idempotent call retries, how often, and what happens when a gateway is lost mid-attempt.</summary>
public sealed class RetryPolicyTests
{
    private static readonly RetryPolicy Quick = new(4, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(4));

    [Fact]
    public async Task A_silo_lost_mid_call_is_retried_until_the_call_succeeds()
    {
        var attempts = 0;

        var result = await Quick.RunAsync(_ => ++attempts < 3 ? throw new SiloUnavailableException("gone") : Task.FromResult("ok"), CancellationToken.None);

        Assert.Equal(("ok", 3), (result, attempts));
    }

    [Fact]
    public async Task After_the_last_attempt_the_transient_failure_is_thrown()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<TimeoutException>(() => Quick.RunAsync<int>(_ => { attempts++; throw new TimeoutException("no answer"); }, CancellationToken.None));

        Assert.Equal(4, attempts);
    }

    [Fact]
    public async Task A_refusal_for_a_reason_the_caller_can_act_on_is_not_retried()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<ModelNotServedException>(() => Quick.RunAsync<int>(_ => { attempts++; throw new ModelNotServedException("no"); }, CancellationToken.None));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task An_attempt_cancelled_because_its_gateway_was_lost_is_retried()
    {
        using var lost = new CancellationTokenSource();
        var attempts = 0;

        var result = await Quick.RunAsync(
            async token =>
            {
                if (++attempts == 1)
                {
                    await lost.CancelAsync();
                    token.ThrowIfCancellationRequested();
                }

                return attempts;
            },
            CancellationToken.None,
            () => attempts == 0 ? lost.Token : CancellationToken.None);

        Assert.Equal(2, result);
    }

    [Fact]
    public async Task The_callers_own_cancellation_is_not_retried()
    {
        using var caller = new CancellationTokenSource();
        await caller.CancelAsync();
        var attempts = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Quick.RunAsync(token => { attempts++; return Task.FromCanceled<int>(token); }, caller.Token));

        Assert.Equal(1, attempts);
    }
}
