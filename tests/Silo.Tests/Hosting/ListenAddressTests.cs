using System.Net;
using Similarity.Silo.Hosting;

namespace Similarity.Silo.Tests.Hosting;

public class ListenAddressTests
{
    [Theory]
    [InlineData("0.0.0.0:8080", "0.0.0.0", 8080)]
    [InlineData("127.0.0.1:0", "127.0.0.1", 0)]
    [InlineData("[::]:9000", "::", 9000)]
    [InlineData("localhost:80", "localhost", 80)]
    public void Host_and_port_are_split_at_the_last_colon(string text, string host, int port)
    {
        Assert.Equal(new ListenAddress(host, port), ListenAddress.Parse(text));
    }

    [Fact]
    public void Localhost_binds_the_loopback_address()
    {
        Assert.Equal(IPAddress.Loopback, ListenAddress.Parse("localhost:1").IPAddress);
    }

    [Theory]
    [InlineData("8080")]
    [InlineData("host:port")]
    [InlineData("example.com:80")]
    [InlineData("1.2.3.4:70000")]
    public void Malformed_addresses_are_refused(string text)
    {
        Assert.Throws<FormatException>(() => ListenAddress.Parse(text));
    }
}
