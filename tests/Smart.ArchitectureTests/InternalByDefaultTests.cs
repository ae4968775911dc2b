using Mono.Cecil;
using Smart.ArchitectureTests.Rules;
using Smart.ArchitectureTests.Support;

namespace Smart.ArchitectureTests;

public sealed class InternalByDefaultTests
{
    private readonly InternalByDefaultRule _rule = new();

    [Theory]
    [MemberData(nameof(ModuleAssemblies.Modules), MemberType = typeof(ModuleAssemblies))]
    public void Given_a_module_Then_should_keep_handlers_aggregates_and_db_contexts_internal(string module)
    {
        using var assemblies = new ModuleAssemblies();

        _rule.Assert(_rule.Check(assemblies.Implementation(module)));
    }

    [Fact]
    public void Given_a_public_handler_Then_should_report_it()
    {
        var fake = new FakeAssembly("Smart.Modules.Fake");
        fake.Class("Smart.Modules.Fake.Features", "FooHandler");

        Assert.Equal([new Violation("Smart.Modules.Fake.Features.FooHandler", "is a public handler")],
            _rule.Check(fake.Build()));
    }

    [Fact]
    public void Given_a_public_aggregate_Then_should_report_it()
    {
        var fake = new FakeAssembly("Smart.Modules.Fake");
        var aggregateRoot = fake.TypeIn("Smart.BuildingBlocks", "Smart.BuildingBlocks.Domain", "AggregateRoot");
        fake.Class("Smart.Modules.Fake.Domain", "Order", baseType: aggregateRoot);

        Assert.Equal([new Violation("Smart.Modules.Fake.Domain.Order", "is a public aggregate")],
            _rule.Check(fake.Build()));
    }

    [Fact]
    public void Given_a_public_db_context_deriving_indirectly_Then_should_report_it()
    {
        var fake = new FakeAssembly("Smart.Modules.Fake");
        var dbContext = fake.TypeIn("Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore", "DbContext");
        var baseContext = fake.Class("Smart.Modules.Fake.Persistence", "BaseContext",
            TypeAttributes.NotPublic | TypeAttributes.Abstract, dbContext);
        fake.Class("Smart.Modules.Fake.Persistence", "ShopContext", baseType: baseContext);

        Assert.Equal([new Violation("Smart.Modules.Fake.Persistence.ShopContext", "is a public DbContext")],
            _rule.Check(fake.Build()));
    }

    [Fact]
    public void Given_a_public_handler_nested_in_a_public_type_Then_should_report_it()
    {
        var fake = new FakeAssembly("Smart.Modules.Fake");
        var feature = fake.Class("Smart.Modules.Fake.Features", "PlaceOrder");
        fake.Nested(feature, "Handler", compilerGenerated: false, TypeAttributes.NestedPublic);

        Assert.Equal([new Violation("Smart.Modules.Fake.Features.PlaceOrder+Handler", "is a public handler")],
            _rule.Check(fake.Build()));
    }

    [Fact]
    public void Given_a_public_handler_nested_in_an_internal_type_Then_should_report_nothing()
    {
        var fake = new FakeAssembly("Smart.Modules.Fake");
        var feature = fake.Class("Smart.Modules.Fake.Features", "PlaceOrder", TypeAttributes.NotPublic);
        fake.Nested(feature, "Handler", compilerGenerated: false, TypeAttributes.NestedPublic);
        fake.Class("Smart.Modules.Fake.Features", "CancelOrderHandler", TypeAttributes.NotPublic);

        Assert.Empty(_rule.Check(fake.Build()));
    }
}
