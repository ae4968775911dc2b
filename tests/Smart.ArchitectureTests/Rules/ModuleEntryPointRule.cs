using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Fluent.Conditions;

namespace Smart.ArchitectureTests.Rules;

/// <summary>
/// Each module exposes one entry point: a public class <c>Smart.Modules.&lt;M&gt;.&lt;M&gt;Module</c> implementing
/// <c>Smart.BuildingBlocks.Modules.IModule</c> (directly or through a base class). Rule 5 relies on it being there;
/// a missing entry type fails the rule too (ArchUnitNET requires a positive result).
/// </summary>
public sealed class ModuleEntryPointRule(string module) : ArchitectureRule
{
    public const string ModuleInterface = "Smart.BuildingBlocks.Modules.IModule";

    private readonly string _entry = HostEntryPointRule.EntryTypeName(module);

    protected override IArchRule Rule =>
        TypesIn(SmartArchitecture.ImplementationAssembly(module)).And().HaveFullName(_entry)
            .Should().FollowCustomCondition(type => new ConditionResult(type,
                type is Class && type.Visibility == Visibility.Public,
                "is not a public class"), "be a public class")
            .AndShould().FollowCustomCondition(type => new ConditionResult(type,
                Implements(type, ModuleInterface),
                $"does not implement {ModuleInterface}"), $"implement {ModuleInterface}");

    private static bool Implements(IType type, string interfaceFullName) =>
        type is Class @class
        && @class.InheritedClasses.Prepend(@class)
            .Any(current => current.ImplementedInterfaces.Any(implemented => implemented.FullName == interfaceFullName));
}
