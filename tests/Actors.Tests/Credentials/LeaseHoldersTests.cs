using Actors.Grains.Credentials;
using Actors.Grains.Forwarding;

namespace Actors.Tests.Credentials;

/// <summary>Every grain that leased the token is told once when the lease ends, however many times it leased.</summary>
public sealed class LeaseHoldersTests
{
    [Fact]
    public void EachHolderIsTakenOnceAndTheSetStartsEmptyAgain()
    {
        var (account, vault1, vault2) = (new Holder("account"), new Holder("vault-1"), new Holder("vault-2"));
        var holders = new LeaseHolders();
        foreach (var holder in new[] { account, vault1, account, vault2, vault1, account })
            holders.Add(holder);

        Assert.Equal([account, vault1, vault2], holders.TakeAll().Cast<Holder>().OrderBy(h => h.Name));
        Assert.Empty(holders.TakeAll());
    }

    [Fact]
    public void ASoleHolderIsTakenToo()
    {
        var holders = new LeaseHolders();
        holders.Add(new Holder("account"));
        holders.Add(new Holder("account"));

        Assert.Single(holders.TakeAll());
    }

    private sealed record Holder(string Name) : ITokenLeaseHolder
    {
        public Task EndLease() => Task.CompletedTask;
    }
}
