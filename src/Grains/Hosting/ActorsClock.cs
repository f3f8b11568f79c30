namespace Actors.Grains.Hosting;

/// <summary>
/// The key of the <see cref="TimeProvider"/> that token expiry runs on. It is a keyed service so tests can drive
/// token lifetimes with a fake clock without also freezing Orleans' own timers.
/// </summary>
public static class ActorsClock
{
    public const string Key = "actors";
}
