using System.Buffers.Binary;
using Similarity.Inference.Models.SafeTensors;
using Similarity.TestSupport;

namespace Similarity.Inference.Tests.Models.SafeTensors;

public class SafeTensorsFileTests
{
    [Fact]
    public void Reads_the_fixture_dense_weights()
    {
        var file = SafeTensorsFile.Read(SharedFolder.Model("bert-dense-tanh") + "/2_Dense/model.safetensors");

        var weight = file.Tensor("linear.weight");
        Assert.Equal("F32", weight.DataType);
        Assert.Equal([16L, 32L], weight.Shape);
        Assert.Equal(512, weight.ToSingles().Length);
        Assert.Equal([16L], file.Tensor("linear.bias").Shape);
    }

    [Theory]
    [InlineData("F16")]
    [InlineData("BF16")]
    public void Half_precision_tensors_convert_to_float32(string dataType)
    {
        float[] values = [1f, -2.5f, 0.15625f, 1024f];
        var bytes = SafeTensorsWriter.Build(("w", dataType, [2, 2], values));

        var read = SafeTensorsFile.Parse("w.safetensors", bytes).Tensor("w").ToSingles();

        Assert.Equal(values, read);
    }

    [Fact]
    public void Header_longer_than_the_file_is_rejected_naming_the_file()
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, 1000);

        var error = Assert.Throws<InvalidDataException>(() => SafeTensorsFile.Parse("broken.safetensors", bytes));

        Assert.Contains("'broken.safetensors'", error.Message);
        Assert.Contains("claims 1000 bytes", error.Message);
    }

    [Fact]
    public void Offsets_that_disagree_with_the_shape_are_rejected()
    {
        var bytes = SafeTensorsWriter.Build(("w", "F32", [3, 2], [1, 2, 3, 4]));

        var error = Assert.Throws<InvalidDataException>(() => SafeTensorsFile.Parse("w.safetensors", bytes));

        Assert.Contains("needs 24 bytes but spans 16", error.Message);
    }

    [Fact]
    public void Asking_for_a_missing_tensor_lists_the_present_ones()
    {
        var file = SafeTensorsFile.Parse("w.safetensors", SafeTensorsWriter.Build(("a", "F32", [1], [1]), ("b", "F32", [1], [2])));

        var error = Assert.Throws<KeyNotFoundException>(() => file.Tensor("linear.weight"));

        Assert.Contains("it has a, b", error.Message);
    }
}
