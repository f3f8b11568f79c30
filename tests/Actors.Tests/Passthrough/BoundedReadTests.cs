using Actors.Grains.Io;

namespace Actors.Tests.Passthrough;

/// <summary>Bodies are read whole up to the cap and refused past it, whether or not their length was declared.</summary>
public sealed class BoundedReadTests
{
    private const int Limit = 100_000;

    [Theory]
    [InlineData(0, false)]
    [InlineData(450, false)]
    [InlineData(16 * 1024, false)]
    [InlineData(70_000, false)]
    [InlineData(Limit, false)]
    [InlineData(450, true)]
    [InlineData(Limit, true)]
    public async Task ABodyUpToTheCapComesBackByteForByte(int length, bool declared)
    {
        var body = Enumerable.Range(0, length).Select(i => (byte)(i * 31)).ToArray();

        var read = await BoundedRead.ReadAsync(new TrickleStream(body), Limit, CancellationToken.None, declared ? length : null);

        Assert.Equal(body, read);
    }

    [Fact]
    public async Task ABodyOneBytePastTheCapIsRefused()
    {
        var read = await BoundedRead.ReadAsync(new TrickleStream(new byte[Limit + 1]), Limit, CancellationToken.None);

        Assert.Null(read);
    }

    /// <summary>Hands out at most 1 000 bytes a read, as a network stream does in pieces.</summary>
    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 1000)], cancellationToken);
    }
}
