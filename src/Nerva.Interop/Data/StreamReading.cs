namespace Nerva.Data;

/// <summary>Reads sized blocks from streams whose length may be unknown, such as decompressing streams.</summary>
internal static class StreamReading
{
    /// <summary>The first buffer size for blocks of unverified length; the buffer doubles as data arrives.</summary>
    private const int InitialChunk = 16 << 20;

    /// <summary>
    /// Reads exactly <paramref name="count"/> bytes. A corrupt header can declare far more data than the stream
    /// contains, so unless <paramref name="lengthVerified"/> is true the buffer grows with the data that arrives
    /// instead of being allocated at the declared size up front.
    /// </summary>
    /// <param name="stream">The stream to read from.</param>
    /// <param name="count">The number of bytes to read.</param>
    /// <param name="lengthVerified">Whether the caller knows that the stream has at least <paramref name="count"/> bytes.</param>
    /// <param name="truncated">Creates the exception to throw when the stream ends early, given the bytes read.</param>
    internal static byte[] ReadExactly(Stream stream, int count, bool lengthVerified, Func<long, Exception> truncated)
    {
        byte[] buffer = new byte[lengthVerified ? count : Math.Min(count, InitialChunk)];
        int filled = 0;
        while (filled < count)
        {
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(count, 2L * buffer.Length));
            }

            int read = stream.Read(buffer, filled, buffer.Length - filled);
            if (read == 0)
            {
                throw truncated(filled);
            }

            filled += read;
        }

        return buffer;
    }

    /// <summary>Returns whether any byte follows in the stream, reading at most one.</summary>
    internal static bool HasMoreData(Stream stream)
    {
        Span<byte> probe = stackalloc byte[1];
        return stream.Read(probe) > 0;
    }
}
