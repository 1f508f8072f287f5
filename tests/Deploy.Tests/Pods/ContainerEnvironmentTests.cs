using k8s.Models;
using Similarity.Deploy.Tests.Manifests;
using Similarity.TestSupport;

namespace Similarity.Deploy.Tests.Pods;

public class ContainerEnvironmentTests
{
    private const string Pod = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings}
        data: {MODE: from-map, PORT: "8080"}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: credentials}
        stringData: {PASSWORD: hidden}
        ---
        apiVersion: batch/v1
        kind: Job
        metadata: {name: run}
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: main
                  image: tool
                  args: [run, --password, $(APP_PASSWORD), --port, $(PORT), --mode, $(MODE)x]
                  envFrom:
                    - configMapRef: {name: settings}
                    - secretRef: {name: credentials}
                      prefix: APP_
                  env:
                    - {name: MODE, value: from-env}
                    - name: NODE
                      valueFrom: {fieldRef: {fieldPath: spec.nodeName}}
        """;

    [Fact]
    public void An_env_entry_overrides_the_same_name_from_env_from()
    {
        var environment = Load();

        Assert.Equal(EnvironmentValue.Literal("from-env"), environment["MODE"]);
    }

    [Fact]
    public void Env_from_values_are_resolved_from_the_config_map()
    {
        var environment = Load();

        Assert.Equal(new EnvironmentValue(EnvironmentSource.ConfigMap, "8080", "settings", "PORT"), environment["PORT"]);
    }

    [Fact]
    public void Env_from_a_secret_names_its_keys_with_the_prefix_and_hides_their_values()
    {
        var environment = Load();

        Assert.Equal(new EnvironmentValue(EnvironmentSource.Secret, null, "credentials", "PASSWORD"), environment["APP_PASSWORD"]);
        Assert.Null(environment["PASSWORD"]);
    }

    [Fact]
    public void A_downward_api_variable_names_its_field()
    {
        var environment = Load();

        Assert.Equal(new EnvironmentValue(EnvironmentSource.Field, null, Key: "spec.nodeName"), environment["NODE"]);
    }

    [Fact]
    public void An_argument_that_is_one_reference_expands_to_its_variable()
    {
        var environment = Load();

        Assert.Equal(new EnvironmentValue(EnvironmentSource.Secret, null, "credentials", "PASSWORD"), environment.Expand("$(APP_PASSWORD)"));
    }

    [Fact]
    public void An_argument_with_text_around_a_reference_stays_as_written()
    {
        var environment = Load();

        Assert.Equal(EnvironmentValue.Literal("$(MODE)x"), environment.Expand("$(MODE)x"));
    }

    [Fact]
    public void A_reference_to_an_undefined_variable_is_refused_naming_it()
    {
        var environment = Load();

        var error = Assert.Throws<ManifestException>(() => environment.Expand("$(MISSING)"));

        Assert.Contains("MISSING", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void References_to_undefined_variables_anywhere_in_an_argument_are_named_and_escaped_ones_are_not()
    {
        var environment = Load();

        Assert.Equal(["MISSING"], environment.UndefinedReferences("/out/$(PORT)-$(MISSING)-$$(ESCAPED).json"));
    }

    private static ContainerEnvironment Load()
    {
        using var scratch = new ScratchFolder();
        scratch.Write("job.yaml", Pod);
        var manifests = ManifestSet.Load(scratch.Path);
        var job = manifests.All<V1Job>().Single().Object;
        return ContainerEnvironment.Of(job.Spec.Template.Spec.Containers.Single(), manifests);
    }
}
