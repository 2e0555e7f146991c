namespace Nerva.Training;

/// <summary>
/// The SplitMix64 generator: a seed gives the same numbers on every platform and .NET version, which makes
/// shuffles and derived seeds reproducible.
/// </summary>
internal sealed class SplitMix64(ulong seed)
{
    private const ulong Increment = 0x9E3779B97F4A7C15UL;

    private ulong _state = seed;

    /// <summary>Returns a seed for random stream <paramref name="stream"/> derived from <paramref name="seed"/>.</summary>
    public static ulong DeriveSeed(ulong seed, ulong stream) => Mix(seed + ((stream + 1) * Increment));

    /// <summary>Shuffles <paramref name="values"/> in place (Fisher–Yates).</summary>
    public void Shuffle(Span<long> values)
    {
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = NextBelow(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    // Lemire's multiply-shift maps 64 random bits to [0, bound); its bias is below bound / 2^64.
    private int NextBelow(int bound) => (int)(((UInt128)Next() * (ulong)bound) >> 64);

    private ulong Next() => Mix(_state += Increment);
}
