using System.Data;
using Npgsql;

namespace Similarity.Silo.Tests.Schema;

/// <summary>
/// Runs a query text from <c>orleansquery</c> the way Orleans' ADO.NET providers do: looked up by key, parameters
/// bound by name with the provider's types, result columns read by name.
/// </summary>
internal sealed class StoredQueries(string connectionString)
{
    public string ConnectionString => connectionString;

    public async Task<List<Dictionary<string, object>>> RunAsync(string key, params (string Name, object? Value, DbType Type)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        string text;
        await using (var lookup = new NpgsqlCommand("SELECT QueryText FROM OrleansQuery WHERE QueryKey = $1", connection))
        {
            lookup.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
            text = (string)(await lookup.ExecuteScalarAsync() ?? throw new InvalidOperationException($"no query {key}"));
        }

        await using var command = new NpgsqlCommand(text, connection);
        foreach (var (name, value, type) in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { ParameterName = name, Value = value ?? DBNull.Value, DbType = type });
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object>>();
        do
        {
            while (await reader.ReadAsync())
            {
                rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, reader.GetValue, StringComparer.OrdinalIgnoreCase));
            }
        }
        while (await reader.NextResultAsync());

        return rows;
    }

    public static (string, object?, DbType) Text(string name, string? value) => (name, value, DbType.String);

    public static (string, object?, DbType) Number(string name, int? value) => (name, value, DbType.Int32);

    public static (string, object?, DbType) Long(string name, long value) => (name, value, DbType.Int64);

    public static (string, object?, DbType) Bytes(string name, byte[] value) => (name, value, DbType.Binary);
}
