using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Resources;
using Smart.BuildingBlocks.Bus;
using Smart.BuildingBlocks.Domain;
using Smart.BuildingBlocks.Persistence;
using Smart.BuildingBlocks.Modules;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Host;
using Smart.Host.Identity;
using Smart.Host.OpenApi;
using Wolverine;
using Wolverine.Http;

// Before any bus is built in this process (test processes build several hosts at once).
SmartBus.UseStableMessageNames();
var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSmartPlatform(builder.Configuration);
foreach (var module in ModulesRegistry.All)
{
    builder.Services.AddSmartModule(module, builder.Configuration);
}
// Off where the database was brought up to date beforehand by `migrate` (the integration tests' copies of a migrated
// template): comparing every schema with the model is most of a host's start-up.
var migrateOnStart = builder.Configuration.GetValue("Smart:Database:MigrateOnStart", true);
builder.Host.UseWolverine(opts =>
{
    // The generated code lives in the host: say so, rather than let Wolverine guess from the first caller (a test or
    // bench process would otherwise pick a module and compile every handler at run time).
    opts.ApplicationAssembly = typeof(Program).Assembly;
    opts.UseSmartBus(builder.Configuration, ModulesRegistry.All);
    // Wolverine still checks that its tables exist when it does not build them.
    opts.AutoBuildMessageStorageOnStartup = migrateOnStart ? AutoCreate.CreateOrUpdate : AutoCreate.None;
    // Release runs the handler code generated ahead (`dotnet run -- codegen write`, checked by the build); Debug
    // uses it too when present and compiles what is missing at run time (WolverineFx.RuntimeCompilation).
#if DEBUG
    opts.CodeGeneration.TypeLoadMode = TypeLoadMode.Auto;
    opts.CodeGeneration.SourceCodeWritingEnabled = false; // only `codegen write` writes the checked-in code
#else
    opts.CodeGeneration.TypeLoadMode = TypeLoadMode.Static;
#endif
});
if (builder.Configuration.GetValue<bool>("Smart:SeedDemoData"))
{
    builder.Services.AddHostedService<DemoDataSeeder>();
}

builder.Services.AddDbContext<IdentityStore>((provider, options) => options.UseNpgsql(
    provider.GetRequiredService<NpgsqlDataSource>(),
    npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", IdentityStore.Schema)));
builder.Services.AddAuthentication(IdentityConstants.BearerScheme).AddBearerToken(IdentityConstants.BearerScheme);
builder.Services.AddIdentityCore<SmartUser>(options =>
    {
        options.User.RequireUniqueEmail = true;
        options.Lockout.MaxFailedAccessAttempts = 10;
    })
    .AddRoles<IdentityRole<Guid>>()
    .AddEntityFrameworkStores<IdentityStore>()
    .AddSignInManager();
builder.Services.AddScoped<UserAccounts>();
// Identity's default work factor unless configured (Smart:Identity:PasswordHasher:IterationCount): the tests, which
// create and log in an account for nearly every client they use, lower it.
builder.Services.Configure<PasswordHasherOptions>(builder.Configuration.GetSection("Smart:Identity:PasswordHasher"));
builder.Services.AddSmartAuthorization();
builder.Services.AddSmartProblemDetails();
builder.Services.AddDatabaseHealth();
builder.Services.ConfigureHttpJsonOptions(options => HttpJson.Configure(options.SerializerOptions));
builder.Services.AddSmartSwagger();
builder.Services.AddWolverineHttp();
var maxRequestBodyBytes = builder.Configuration.GetValue("Smart:Http:MaxRequestBodyBytes", 10L * 1024 * 1024);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxRequestBodyBytes);

var app = builder.Build();

// JasperFx commands (`codegen`, `describe`, `resources`…) need no database; anything else starts on an up-to-date one.
var jasperFxCommand = args.Length > 0 && !args[0].StartsWith('-') && args[0] != "migrate";
if (!jasperFxCommand)
{
    var migrateCommand = args.Contains("migrate");
    if (migrateCommand || migrateOnStart)
    {
        await MigrateAsync(app.Services);
    }
    if (migrateCommand)
    {
        // Wolverine's message store too, so that a host may start on this database without migrating (MigrateOnStart false).
        await app.SetupResources();
        app.Logger.LogInformation("Migrations applied");
        return 0;
    }
}

app.UseExceptionHandler();
app.UseStatusCodePages();
// Kestrel enforces the limit while reading; this answers declared oversized bodies up front on any server.
app.Use((context, next) => context.Request.ContentLength > maxRequestBodyBytes
    ? throw new BadHttpRequestException($"The request body is larger than {maxRequestBodyBytes} bytes.", StatusCodes.Status413PayloadTooLarge)
    : next(context));
// No resource has the empty id, and Marten refuses it as a stream id with an exception deep in a handler: 404 here.
app.Use((context, next) => context.Request.RouteValues.Values.Any(value => value is string text && Guid.TryParse(text, out var id) && id == Guid.Empty)
    ? throw new NotFoundException("Resource", Guid.Empty)
    : next(context));
app.UseSwagger();
app.UseSwaggerUI(ui => ui.EnableTryItOutByDefault());
app.UseAuthentication();
app.UseAuthorization();

app.MapDatabaseHealth("/health")
    .AllowAnonymous()
    .WithTags("Operations")
    .WithName("Health");
app.MapAuthEndpoints();
app.MapDeadLetterEndpoints();
foreach (var module in ModulesRegistry.All)
{
    module.MapEndpoints(app);
}
// The endpoints written for Wolverine.Http (routes in their attributes), tagged with their module's name like the others.
app.MapWolverineEndpoints(http =>
{
    http.UseSmartConventions();
    http.ConfigureEndpoints(chain =>
    {
        if (ModulesRegistry.All.FirstOrDefault(m => m.GetType().Assembly == chain.Method.HandlerType.Assembly) is { } module)
        {
            chain.Metadata.WithTags(module.Name);
        }
    });
});

// Arguments that are only settings (`--Key=value`, as WebApplicationFactory and `dotnet run -- --urls=…` pass them)
// configured the host above; a JasperFx command would reject them as unknown flags.
return await app.RunJasperFxCommands(args.All(arg => arg.StartsWith("--")) ? [] : args);

// Identity and the modules' schemas; Wolverine creates or updates its own (schema wolverine) when it starts.
static async Task MigrateAsync(IServiceProvider services)
{
    await using (var scope = services.CreateAsyncScope())
    {
        await scope.ServiceProvider.GetRequiredService<IdentityStore>().MigrateQuietlyAsync();
    }
    await services.MigrateModulesAsync();
}

/// <summary>Entry point type, visible to the HTTP tests' WebApplicationFactory.</summary>
public partial class Program;
