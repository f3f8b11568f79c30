using Actors.Api.Apis;
using Actors.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddActorsCluster();
builder.AddActorsApiDefaults();
builder.AddActorsTelemetry();

var app = builder.Build();

app.UseActorsApiDefaults();
app.MapCredentialsApi();
app.MapApiKeysApi();
app.MapIpAllowlistApi();
app.MapVaultsApi();
app.MapIoPassthroughApi();
app.MapHealthApi();

app.Run();
