using FsCheck;
using FsCheck.Fluent;
using Similarity.Inference.Batching;
using Similarity.TestSupport;

namespace Similarity.Inference.Tests.Batching;

public class TokenBudgetBatcherTests
{
    private static readonly Config Checks = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static Arbitrary<(int[] Lengths, int Budget, int MaxBatch)> Plans =>
        Gen.Zip(
                Gen.Choose(0, 600).ArrayOf(),
                Gen.Zip(Gen.Choose(1, 4096), Gen.Choose(1, 80)))
            .Select(t => (t.Item1, t.Item2.Item1, t.Item2.Item2))
            .ToArbitrary();

    [Fact]
    public void Every_index_is_planned_exactly_once()
    {
        Check.One(Checks, Prop.ForAll(Plans, input =>
        {
            var plan = TokenBudgetBatcher.Plan(input.Lengths, input.Budget, input.MaxBatch);
            var seen = new List<int>();
            for (var b = 0; b < plan.Batches.Count; b++)
            {
                seen.AddRange(plan.Indices(b).ToArray());
            }

            return seen.Order().SequenceEqual(Enumerable.Range(0, input.Lengths.Length));
        }));
    }

    [Fact]
    public void Every_batch_fits_the_budget_or_is_a_single_sequence()
    {
        Check.One(Checks, Prop.ForAll(Plans, input =>
        {
            var plan = TokenBudgetBatcher.Plan(input.Lengths, input.Budget, input.MaxBatch);
            for (var b = 0; b < plan.Batches.Count; b++)
            {
                var batch = plan.Batches[b];
                var longest = Math.Max(plan.Indices(b).ToArray().Max(i => input.Lengths[i]), 1);
                var withinBudget = (long)batch.Count * longest <= input.Budget;
                if (batch.Count > input.MaxBatch || !(withinBudget || batch.Count == 1) || batch.PaddedTokens != (long)batch.Count * longest)
                {
                    return false;
                }
            }

            return true;
        }));
    }

    [Fact]
    public void Sequences_are_ordered_longest_first_with_ties_by_index()
    {
        Check.One(Checks, Prop.ForAll(Plans, input =>
        {
            var order = TokenBudgetBatcher.Plan(input.Lengths, input.Budget, input.MaxBatch).Order.ToArray();
            return order.Zip(order.Skip(1)).All(p =>
                input.Lengths[p.First] > input.Lengths[p.Second] || (input.Lengths[p.First] == input.Lengths[p.Second] && p.First < p.Second));
        }));
    }

    [Fact]
    public void Batches_are_consecutive_runs_of_the_order_and_cut_greedily()
    {
        Check.One(Checks, Prop.ForAll(Plans, input =>
        {
            var plan = TokenBudgetBatcher.Plan(input.Lengths, input.Budget, input.MaxBatch);
            var next = 0;
            for (var b = 0; b < plan.Batches.Count; b++)
            {
                var batch = plan.Batches[b];
                if (batch.Start != next)
                {
                    return false;
                }

                next += batch.Count;

                // Greedy: the following sequence would have broken the budget or the size cap.
                if (next < plan.Count)
                {
                    var longest = Math.Max(input.Lengths[plan.Order[batch.Start]], 1);
                    if (batch.Count < input.MaxBatch && (long)(batch.Count + 1) * longest <= input.Budget)
                    {
                        return false;
                    }
                }
            }

            return next == plan.Count;
        }));
    }

    [Fact]
    public void A_sequence_longer_than_the_budget_gets_its_own_batch()
    {
        var plan = TokenBudgetBatcher.Plan([5, 300, 10, 7], tokenBudget: 256, maxBatchSize: 64);

        Assert.Equal([1], plan.Indices(0).ToArray());
        Assert.Equal([2, 3, 0], plan.Indices(1).ToArray());
        Assert.Equal(2, plan.Batches.Count);
    }

    [Fact]
    public void The_size_cap_splits_short_sequences()
    {
        var plan = TokenBudgetBatcher.Plan(Enumerable.Repeat(16, 100).ToArray(), tokenBudget: 2048, maxBatchSize: 64);

        Assert.Equal([64, 36], plan.Batches.Select(b => b.Count));
        Assert.Equal(64L * 16, plan.Batches[0].PaddedTokens);
    }

    [Fact]
    public void The_budget_counts_padding_to_the_longest_sequence()
    {
        var plan = TokenBudgetBatcher.Plan([100, 10, 10, 10], tokenBudget: 300, maxBatchSize: 64);

        Assert.Equal([3, 1], plan.Batches.Select(b => b.Count));
        Assert.Equal([0, 1, 2], plan.Indices(0).ToArray());
    }

    [Fact]
    public void Empty_input_plans_no_batches()
    {
        var plan = TokenBudgetBatcher.Plan([], 2048, 64);

        Assert.Empty(plan.Batches);
        Assert.Equal(0, plan.Count);
    }

    [Fact]
    public void Replanning_into_a_warm_plan_allocates_nothing()
    {
        var lengths = Enumerable.Range(0, 500).Select(i => (i * 37) % 200).ToArray();
        var plan = new BatchPlan();
        TokenBudgetBatcher.Plan(lengths, 2048, 64, plan);

        Assert.Equal(0, SteadyAllocation.Bytes(() => TokenBudgetBatcher.Plan(lengths, 2048, 64, plan)));
    }

    [Fact]
    public void Negative_lengths_and_budgets_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => TokenBudgetBatcher.Plan([3, -1], 2048, 64));
        Assert.Throws<ArgumentOutOfRangeException>(() => TokenBudgetBatcher.Plan([3], 0, 64));
        Assert.Throws<ArgumentOutOfRangeException>(() => TokenBudgetBatcher.Plan([3], 10, 0));
    }
}
