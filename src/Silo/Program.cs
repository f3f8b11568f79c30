using Actors.Grains.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.UseOrleans(silo => silo.AddActors());
builder.Services.AddHealthChecks();

var app = builder.Build();

app.MapHealthChecks("/health/live");

app.Run();
