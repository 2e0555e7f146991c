namespace Nerva.Benchmarks;

/// <summary>
/// A random data set of M examples: inputs drawn from the standard normal distribution and a uniformly drawn
/// class per example, in float and double. Both engines train on the same values.
/// </summary>
internal sealed class SyntheticData
{
    public SyntheticData(int examples, int inputSize, int classes, int seed)
    {
        Examples = examples;
        InputSize = inputSize;
        Classes = classes;
        var random = new Random(seed);
        InputsDouble = new double[examples * inputSize];
        for (int i = 0; i < InputsDouble.Length; i++)
        {
            // Box-Muller transform.
            double u = 1.0 - random.NextDouble();
            double v = random.NextDouble();
            InputsDouble[i] = Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
        }

        InputsSingle = Array.ConvertAll(InputsDouble, x => (float)x);
        Labels = new long[examples];
        OneHotDouble = new double[examples * classes];
        for (int i = 0; i < examples; i++)
        {
            Labels[i] = random.Next(classes);
            OneHotDouble[(i * classes) + Labels[i]] = 1.0;
        }

        OneHotSingle = Array.ConvertAll(OneHotDouble, x => (float)x);
    }

    public int Examples { get; }

    public int InputSize { get; }

    public int Classes { get; }

    /// <summary>M x D inputs, row-major.</summary>
    public double[] InputsDouble { get; }

    /// <summary>The same inputs as float.</summary>
    public float[] InputsSingle { get; }

    /// <summary>The class of each example, in [0, K).</summary>
    public long[] Labels { get; }

    /// <summary>M x K one-hot targets, row-major.</summary>
    public double[] OneHotDouble { get; }

    /// <summary>The same targets as float.</summary>
    public float[] OneHotSingle { get; }

    /// <summary>Returns a shuffled order of the M examples, the same for every engine.</summary>
    public long[] ShuffledRows(int seed)
    {
        long[] rows = new long[Examples];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = i;
        }

        new Random(seed).Shuffle(rows);
        return rows;
    }
}
