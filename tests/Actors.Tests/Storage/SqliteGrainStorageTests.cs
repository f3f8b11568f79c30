using Actors.Grains.Credentials;
using Actors.Grains.Storage;
using Actors.Tests.Infrastructure;
using Orleans.Core;
using Orleans.Storage;

namespace Actors.Tests.Storage;

public sealed class SqliteGrainStorageTests : IDisposable
{
    private static readonly GrainId Grain = GrainId.Create("credential", "acme");
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task WhatIsWrittenIsReadBackByANewStorageOnTheSameFile()
    {
        var state = new GrainState<CredentialState>(new CredentialState { ClientId = "client-1" });
        await Storage().WriteStateAsync("credentials", Grain, state);

        var read = new GrainState<CredentialState>(new CredentialState());
        await Storage().ReadStateAsync("credentials", Grain, read);

        Assert.Equal("client-1", read.State!.ClientId);
        Assert.True(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task AWriteWithAStaleETagFailsAndKeepsTheNewerState()
    {
        var storage = Storage();
        var first = new GrainState<CredentialState>(new CredentialState { ClientId = "client-1" });
        await storage.WriteStateAsync("credentials", Grain, first);
        var stale = new GrainState<CredentialState>(new CredentialState()) { ETag = first.ETag };
        first.State!.ClientId = "client-2";
        await storage.WriteStateAsync("credentials", Grain, first);

        stale.State!.ClientId = "client-stale";
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("credentials", Grain, stale));

        var read = new GrainState<CredentialState>(new CredentialState());
        await storage.ReadStateAsync("credentials", Grain, read);
        Assert.Equal("client-2", read.State!.ClientId);
    }

    [Fact]
    public async Task ASecondFirstWriteFailsInsteadOfOverwriting()
    {
        var storage = Storage();
        await storage.WriteStateAsync("credentials", Grain, new GrainState<CredentialState>(new CredentialState { ClientId = "a" }));

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            storage.WriteStateAsync("credentials", Grain, new GrainState<CredentialState>(new CredentialState { ClientId = "b" })));
    }

    [Fact]
    public async Task ClearingRemovesTheRecord()
    {
        var storage = Storage();
        var state = new GrainState<CredentialState>(new CredentialState { ClientId = "client-1" });
        await storage.WriteStateAsync("credentials", Grain, state);

        await storage.ClearStateAsync("credentials", Grain, state);

        var read = new GrainState<CredentialState>(new CredentialState());
        await storage.ReadStateAsync("credentials", Grain, read);
        Assert.False(read.RecordExists);
        Assert.Null(read.State!.ClientId);
    }

    private SqliteGrainStorage Storage() => new($"Data Source={_database.Path}", "actors", new JsonStorageSerializer());

    public void Dispose() => _database.Dispose();

    /// <summary>Plain System.Text.Json is enough for these tests; the product uses Orleans' configured serializer.</summary>
    private sealed class JsonStorageSerializer : IGrainStorageSerializer
    {
        public BinaryData Serialize<T>(T? input) => BinaryData.FromObjectAsJson(input);

        public T Deserialize<T>(BinaryData input) => input.ToObjectFromJson<T>()!;
    }
}
