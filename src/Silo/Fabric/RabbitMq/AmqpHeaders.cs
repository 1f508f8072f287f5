using System.Text;

namespace Similarity.Silo.Fabric.RabbitMq;

/// <summary>Reads AMQP header values, which arrive as byte arrays (strings), longs, ints or nested tables.</summary>
internal static class AmqpHeaders
{
    public static long? ReadLong(IDictionary<string, object?>? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var value) ? value switch
        {
            long l => l,
            int i => i,
            short s => s,
            byte b => b,
            _ => null,
        } : null;

    public static string? ReadString(IDictionary<string, object?>? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var value) ? AsString(value) : null;

    public static string? AsString(object? value) => value switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        string text => text,
        _ => null,
    };

    public static DateTimeOffset? ReadTime(IDictionary<string, object?>? headers, string name) =>
        ReadLong(headers, name) is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
