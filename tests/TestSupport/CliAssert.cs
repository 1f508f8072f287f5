using Xunit;

namespace Similarity.TestSupport;

/// <summary>Checks on a <see cref="SimctlResult"/>, with the stderr in the message when the exit code is wrong.</summary>
public static class CliAssert
{
    /// <summary>The run failed with a non-zero exit code and exactly one line on stderr, <c>simctl: ...</c>, containing each of <paramref name="expected"/>.</summary>
    public static void OneLineError(SimctlResult result, params string[] expected)
    {
        Assert.NotEqual(0, result.ExitCode);
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("simctl: ", lines[0]);
        foreach (var part in expected)
        {
            Assert.Contains(part, lines[0]);
        }
    }

    public static void Succeeded(SimctlResult result)
    {
        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}: {result.StandardError}");
    }
}
