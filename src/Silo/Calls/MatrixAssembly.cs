using Similarity.Inference.Tensors;

namespace Similarity.Silo.Calls;

/// <summary>Joins per-request result matrices back into one, rows in the caller's order; token counts add up (unknown if any part's is).</summary>
internal static class MatrixAssembly
{
    public static EmbeddingMatrix Concatenate(EmbeddingMatrix[] parts, int totalRows, string model)
    {
        if (parts.Length == 1)
        {
            return parts[0];
        }

        var columns = parts[0].Columns;
        var result = new EmbeddingMatrix(totalRows, columns);
        var row = 0;
        long? tokens = 0;
        foreach (var part in parts)
        {
            tokens = tokens + part.TokenCount;
            if (part.Columns != columns)
            {
                throw new InvalidOperationException(
                    $"model '{model}' replied with {part.Columns} columns in one request and {columns} in another; are its silos running different model versions?");
            }

            part.Data.CopyTo(result.Data[(row * columns)..]);
            row += part.Rows;
        }

        if (row != totalRows)
        {
            throw new InvalidOperationException($"model '{model}' returned {row} rows for {totalRows} inputs");
        }

        result.TokenCount = tokens;
        return result;
    }
}
