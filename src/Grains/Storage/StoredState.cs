using System.Diagnostics.CodeAnalysis;
using Orleans.Storage;

namespace Actors.Grains.Storage;

/// <summary>
/// A grain's state, read and written straight through its grain storage; the grain reads it when it activates.
/// Orleans' <c>[PersistentState]</c> does the same but also enrols the activation in a lifecycle and a migration
/// list, some 400 bytes more for each of the many, long-lived grains that hold a tenant's credentials.
/// </summary>
internal sealed class StoredState<TState>(IGrainStorage storage, string name, GrainId grain) : IGrainState<TState>
    where TState : new()
{
    /// <summary>Never null: a store that has no record may hand back nothing, which is an empty state.</summary>
    [AllowNull]
    public TState State
    {
        get;
        set => field = value ?? new TState();
    } = new();

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }

    public Task ReadAsync() => storage.ReadStateAsync(name, grain, this);

    /// <exception cref="InconsistentStateException">Another activation wrote since this one read.</exception>
    public Task WriteAsync() => storage.WriteStateAsync(name, grain, this);

    /// <exception cref="InconsistentStateException">Another activation wrote since this one read.</exception>
    public Task ClearAsync() => storage.ClearStateAsync(name, grain, this);
}
