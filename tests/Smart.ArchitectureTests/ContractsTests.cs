using Mono.Cecil;
using Smart.ArchitectureTests.Rules;
using Smart.ArchitectureTests.Support;

namespace Smart.ArchitectureTests;

public sealed class ContractsTests
{
    private readonly ContractsRule _rule = new();

    [Theory]
    [MemberData(nameof(ModuleAssemblies.Modules), MemberType = typeof(ModuleAssemblies))]
    public void Given_a_module_contracts_assembly_Then_should_reference_only_the_base_library(string module)
    {
        using var assemblies = new ModuleAssemblies();

        _rule.Assert(_rule.Check(assemblies.Contracts(module)));
    }

    [Fact]
    public void Given_contracts_referencing_ef_core_Then_should_report_the_type_and_the_assembly()
    {
        var fake = new FakeAssembly("Smart.Modules.Fake.Contracts");
        var dbContext = fake.TypeIn("Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore", "DbContext");
        var placed = fake.Class("Smart.Modules.Fake.Contracts", "OrderPlaced");
        fake.Method(placed, "get_Context", il => il.Emit(Mono.Cecil.Cil.OpCodes.Ldnull), dbContext);

        var violations = _rule.Check(fake.Build());

        Assert.Contains(new Violation("Smart.Modules.Fake.Contracts.OrderPlaced",
            "-> Microsoft.EntityFrameworkCore.DbContext (in method get_Context)"), violations);
        Assert.Contains(new Violation("assembly Smart.Modules.Fake.Contracts",
            "-> assembly Microsoft.EntityFrameworkCore (assembly reference)"), violations);
    }

    [Fact]
    public void Given_contracts_using_a_building_blocks_attribute_Then_should_report_it()
    {
        var fake = new FakeAssembly("Smart.Modules.Fake.Contracts");
        var messageName = fake.TypeIn("Smart.BuildingBlocks", "Smart.BuildingBlocks.Messaging", "MessageNameAttribute");
        var placed = fake.Class("Smart.Modules.Fake.Contracts", "OrderPlaced");
        placed.CustomAttributes.Add(new CustomAttribute(
            new MethodReference(".ctor", fake.Module.TypeSystem.Void, messageName) { HasThis = true }));

        var violations = _rule.Check(fake.Build());

        Assert.Contains(new Violation("Smart.Modules.Fake.Contracts.OrderPlaced",
            "-> Smart.BuildingBlocks.Messaging.MessageNameAttribute (attribute)"), violations);
    }

    [Fact]
    public void Given_an_assembly_reference_without_any_type_reference_Then_should_still_report_it()
    {
        var fake = new FakeAssembly("Smart.Modules.Fake.Contracts");
        fake.Reference("Smart.Modules.Payroll");
        fake.Class("Smart.Modules.Fake.Contracts", "OrderPlaced");

        var violations = _rule.Check(fake.Build());

        Assert.Equal(
            [new Violation("assembly Smart.Modules.Fake.Contracts", "-> assembly Smart.Modules.Payroll (assembly reference)")],
            violations);
    }

    [Fact]
    public void Given_contracts_with_compiler_embedded_attributes_and_base_library_types_Then_should_report_nothing()
    {
        var fake = new FakeAssembly("Smart.Modules.Fake.Contracts");
        // The compiler embeds attributes such as NullableAttribute into the assembly itself: own types, allowed.
        var nullable = fake.Class("System.Runtime.CompilerServices", "NullableAttribute", TypeAttributes.NotPublic,
            fake.TypeIn("System.Runtime", "System", "Attribute"));
        var nullableConstructor = new MethodDefinition(".ctor",
            MethodAttributes.Public | MethodAttributes.SpecialName | MethodAttributes.RTSpecialName,
            fake.Module.TypeSystem.Void);
        nullableConstructor.Body.GetILProcessor().Emit(Mono.Cecil.Cil.OpCodes.Ret);
        nullable.Methods.Add(nullableConstructor);
        var placed = fake.Class("Smart.Modules.Fake.Contracts", "OrderPlaced");
        placed.CustomAttributes.Add(new CustomAttribute(nullableConstructor));
        fake.Field(placed, "_on", fake.TypeIn("System.Runtime", "System", "DateOnly", isValueType: true));

        Assert.Empty(_rule.Check(fake.Build()));
    }
}
