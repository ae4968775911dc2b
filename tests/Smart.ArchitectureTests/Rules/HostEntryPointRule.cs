using ArchUnitNET.Fluent;

namespace Smart.ArchitectureTests.Rules;

/// <summary>
/// Rule 5: the host knows a module only by its entry type <c>Smart.Modules.&lt;M&gt;.&lt;M&gt;Module</c>; anything
/// else it needs from the module comes from the module's contracts. Types nested in the entry type are not the entry.
/// Wolverine's pre-generated handler code, compiled into the host, is the one exception
/// (<see cref="SmartArchitecture.WolverineCodegenNamespace"/>).
/// </summary>
public sealed class HostEntryPointRule(string host, string module) : ArchitectureRule
{
    private readonly string _implementation = SmartArchitecture.ImplementationAssembly(module);
    private readonly string _entry = EntryTypeName(module);

    public static string EntryTypeName(string module) => $"{SmartArchitecture.ModulePrefix}{module}.{module}Module";

    protected override IArchRule Rule => DependOnlyOn(
        TypesIn(host).And().FollowCustomPredicate(
            type => !SmartArchitecture.IsInNamespace(type, SmartArchitecture.WolverineCodegenNamespace), "are not Wolverine's generated code"),
        target => SmartArchitecture.AssemblyOf(target) != _implementation || target.FullName == _entry,
        $"{_entry} in {_implementation} (and anything outside that assembly)");
}
