using Similarity.Silo.Metrics;

namespace Similarity.Silo.Tests.Metrics;

public class PrometheusTextFormatTests
{
    private static string Expose(Action<MetricRegistry> record)
    {
        var registry = new MetricRegistry();
        record(registry);
        using var text = new StringWriter { NewLine = "\n" };
        registry.WriteTo(text);
        return text.ToString();
    }

    [Fact]
    public void A_counter_has_help_type_and_one_sample_per_label_set()
    {
        var text = Expose(registry =>
        {
            var counter = registry.Register(new CounterFamily("jobs_total", "Jobs done.", "kind"));
            counter.WithLabels("a").Increment(2);
            counter.WithLabels("b").Increment();
        });

        Assert.Equal("# HELP jobs_total Jobs done.\n# TYPE jobs_total counter\njobs_total{kind=\"a\"} 2\njobs_total{kind=\"b\"} 1\n", text);
    }

    [Fact]
    public void A_histogram_writes_cumulative_buckets_ending_in_inf_then_sum_and_count()
    {
        var text = Expose(registry =>
        {
            var histogram = registry.Register(new HistogramFamily("latency_seconds", "Latency.", [0.1, 1]));
            var child = histogram.WithLabels();
            child.Observe(0.05);
            child.Observe(0.5);
            child.Observe(5);
        });

        Assert.Equal(
            "# HELP latency_seconds Latency.\n# TYPE latency_seconds histogram\n" +
            "latency_seconds_bucket{le=\"0.1\"} 1\nlatency_seconds_bucket{le=\"1\"} 2\nlatency_seconds_bucket{le=\"+Inf\"} 3\n" +
            "latency_seconds_sum 5.55\nlatency_seconds_count 3\n",
            text);
    }

    [Fact]
    public void Label_values_are_escaped()
    {
        var text = Expose(registry => registry.Register(new GaugeFamily("g", "G.", "path")).WithLabels("a\"b\\c\nd").Set(1.5));

        Assert.Contains("g{path=\"a\\\"b\\\\c\\nd\"} 1.5\n", text);
    }

    [Fact]
    public void A_value_on_a_bucket_bound_counts_in_that_bucket()
    {
        var histogram = new Histogram([1, 2]);

        histogram.Observe(1);

        Assert.Equal([1L, 1L, 1L], histogram.Snapshot().Cumulative);
    }

    [Fact]
    public void Registering_the_same_name_twice_is_refused()
    {
        var registry = new MetricRegistry();
        registry.Register(new CounterFamily("x_total", "X."));

        Assert.Throws<InvalidOperationException>(() => registry.Register(new CounterFamily("x_total", "X again.")));
    }

    [Fact]
    public void The_wrong_number_of_label_values_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new CounterFamily("x_total", "X.", "a", "b").WithLabels("only one"));
    }
}
