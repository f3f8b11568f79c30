using Actors.IoSandbox;

var app = SandboxHost.Create(args);
app.Run();
