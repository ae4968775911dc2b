namespace Smart.ArchitectureTests;
public sealed class TmpDump(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void Dump()
    {
        using var a = new ModuleAssemblies();
        foreach (var m in ModuleAssemblies.ModuleNames())
        {
            var deps = TypeDependencies.OfAssembly(a.Implementation(m));
            output.WriteLine($"{m}: {deps.Count} deps; " + string.Join(", ", deps.GroupBy(d => d.TargetAssembly).Select(g => $"{g.Key}={g.Count()}")));
        }
        var host = TypeDependencies.OfAssembly(a.Host());
        output.WriteLine("host: " + string.Join(", ", host.GroupBy(d => d.TargetAssembly).Select(g => $"{g.Key}={g.Count()}")));
        foreach (var d in TypeDependencies.OfAssembly(a.Implementation("Governance")).Where(d => d.TargetAssembly.StartsWith("Smart")).Select(d => d.ToString()).Distinct().Take(25)) output.WriteLine(d);
    }
}
