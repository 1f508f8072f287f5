using Similarity.Inference.Models.Cache;
using Similarity.TestSupport;

namespace Similarity.Inference.Tests.Models.Cache;

public class AssemblyResourcesTests
{
    [Fact]
    public void A_file_that_is_not_an_assembly_is_named()
    {
        using var scratch = new ScratchFolder();
        var path = scratch.Write("fake.dll", "not a portable executable");

        var error = Assert.Throws<InvalidDataException>(() => AssemblyResources.Open(path));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void A_missing_resource_lists_the_ones_present()
    {
        using var scratch = new ScratchFolder();
        using var resources = AssemblyResources.Open(typeof(ModelCache).Assembly.Location);

        var error = Assert.Throws<InvalidDataException>(() => resources.CopyTo("Nope.Resources.model.onnx", scratch.File("model.onnx")));

        Assert.Contains("has no resource 'Nope.Resources.model.onnx'", error.Message);
        Assert.False(File.Exists(scratch.File("model.onnx")));
    }
}
