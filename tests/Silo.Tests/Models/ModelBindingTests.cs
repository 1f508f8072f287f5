using Microsoft.Extensions.DependencyInjection;
using Similarity.Silo.Models;

namespace Similarity.Silo.Tests.Models;

public class ModelBindingTests
{
    private static readonly IServiceProvider EmptyServices = new ServiceCollection().BuildServiceProvider();

    [Fact]
    public void Name_and_folder_are_split_at_the_first_equals_sign()
    {
        var binding = ModelBinding.Parse("mini=/models/a=b");

        Assert.Equal(("mini", "/models/a=b"), (binding.Name, binding.Path));
    }

    [Theory]
    [InlineData("mini")]
    [InlineData("=/models")]
    [InlineData("mini=")]
    [InlineData("bad name=/models")]
    public void Malformed_bindings_are_refused_naming_the_value(string value)
    {
        var error = Assert.Throws<FormatException>(() => ModelBinding.Parse(value));

        Assert.Contains($"'{value}'", error.Message);
    }

    [Fact]
    public void A_loader_named_in_configuration_is_created_from_its_type_name()
    {
        var loader = ModelLoaderActivator.Create(typeof(Doubles.TestModelLoader).AssemblyQualifiedName!, EmptyServices);

        Assert.IsType<Doubles.TestModelLoader>(loader);
    }

    [Fact]
    public void A_configured_type_that_is_not_a_loader_is_refused()
    {
        var error = Assert.Throws<ModelLoadException>(() =>
            ModelLoaderActivator.Create(typeof(string).AssemblyQualifiedName!, EmptyServices));

        Assert.Contains("does not implement IModelLoader", error.Message);
    }
}
