namespace Smart.IntegrationTests.Infrastructure;

/// <summary>Paths in the repository the tests run from (the folder holding Smart.sln above the test binaries).</summary>
public static class RepositoryFolder
{
    public static string Root { get; } = FindRoot();

    public static string PathTo(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Smart.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Smart.sln not found above the test folder.");
    }
}
