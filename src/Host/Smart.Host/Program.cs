using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Smart.BuildingBlocks.Messaging;
using Smart.BuildingBlocks.Persistence;
using Smart.BuildingBlocks.Modules;
using Smart.BuildingBlocks.Security;
using Smart.BuildingBlocks.Web;
using Smart.Host;
using Smart.Host.Identity;
using Smart.Host.OpenApi;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSmartPlatform(builder.Configuration);
foreach (var module in ModulesRegistry.All)
{
    builder.Services.AddSmartModule(module, builder.Configuration);
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
builder.Services.AddSmartAuthorization();
builder.Services.AddSmartProblemDetails();
builder.Services.AddDatabaseHealth();
builder.Services.ConfigureHttpJsonOptions(options => HttpJson.Configure(options.SerializerOptions));
builder.Services.AddSmartSwagger();
var maxRequestBodyBytes = builder.Configuration.GetValue("Smart:Http:MaxRequestBodyBytes", 10L * 1024 * 1024);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxRequestBodyBytes);

var app = builder.Build();

await MigrateAsync(app.Services);
if (args.Contains("migrate"))
{
    app.Logger.LogInformation("Migrations applied");
    return;
}
if (app.Configuration.GetValue<bool>("Smart:SeedDemoData"))
{
    // Each module seeds from what the previous ones published (e.g. Activities needs Governance's members).
    foreach (var module in ModulesRegistry.All)
    {
        await module.SeedDemoDataAsync(app.Services, CancellationToken.None);
        await app.Services.DeliverDueMessagesAsync(CancellationToken.None);
    }
    await DemoAccounts.SeedAsync(app.Services, CancellationToken.None);
}

app.UseExceptionHandler();
app.UseStatusCodePages();
// Kestrel enforces the limit while reading; this answers declared oversized bodies up front on any server.
app.Use((context, next) => context.Request.ContentLength > maxRequestBodyBytes
    ? throw new BadHttpRequestException($"The request body is larger than {maxRequestBodyBytes} bytes.", StatusCodes.Status413PayloadTooLarge)
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

app.Run();

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
