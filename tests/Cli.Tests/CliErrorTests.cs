using Similarity.TestSupport;

namespace Similarity.Cli.Tests;

public class CliErrorTests
{
    [Fact]
    public async Task Unknown_command_exits_non_zero()
    {
        var result = await Simctl.RunAsync("no-such-command");

        CliAssert.OneLineError(result, "no-such-command");
    }
}
