namespace Similarity.Cli.Tests;

public class CliErrorTests
{
    [Fact]
    public async Task Unknown_command_exits_non_zero()
    {
        var result = await Simctl.RunAsync("no-such-command");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("no-such-command", result.StandardError);
    }
}
