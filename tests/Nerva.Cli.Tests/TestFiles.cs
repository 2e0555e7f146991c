using Nerva.Data;

namespace Nerva.Cli.Tests;

/// <summary>A new empty folder under the system temp folder, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = Directory.CreateTempSubdirectory("nerva-cli-tests-").FullName;
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Returns the names of the files and folders in the folder, hidden ones included, sorted.</summary>
    public string[] EntryNames() =>
        Directory.GetFileSystemEntries(Path).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>Writes synthetic data sets in the .npz layout of the Nerva tools.</summary>
internal static class SyntheticData
{
    /// <summary>
    /// Writes Gaussian blobs to <paramref name="path"/>: Xtrain (float32, trainCount x featureCount), Ttrain (int64
    /// class indices), Xtest and Ttest. Class c has mean 3 in feature c mod featureCount and 0 elsewhere, with unit
    /// standard deviation, so a small network classifies more than 90% correctly after a few epochs.
    /// </summary>
    /// <param name="path">The .npz file to write.</param>
    /// <param name="trainCount">The number of training examples.</param>
    /// <param name="testCount">The number of test examples.</param>
    /// <param name="featureCount">The number of features D.</param>
    /// <param name="classCount">The number of classes K.</param>
    /// <param name="labelOffset">Added to every label, to make invalid labels (a negative offset gives negative labels).</param>
    public static void WriteBlobs(string path, int trainCount = 1003, int testCount = 300, int featureCount = 8, int classCount = 4, int labelOffset = 0)
    {
        var random = new Random(17);
        (float[] xtrain, long[] ttrain) = Sample(random, trainCount, featureCount, classCount, labelOffset);
        (float[] xtest, long[] ttest) = Sample(random, testCount, featureCount, classCount, labelOffset);
        Npz.Save(path, new Dictionary<string, NpyArray>
        {
            ["Xtrain"] = NpyArray.Create<float>(xtrain, trainCount, featureCount),
            ["Ttrain"] = NpyArray.Create<long>(ttrain, trainCount),
            ["Xtest"] = NpyArray.Create<float>(xtest, testCount, featureCount),
            ["Ttest"] = NpyArray.Create<long>(ttest, testCount),
        });
    }

    private static (float[] X, long[] Labels) Sample(Random random, int count, int featureCount, int classCount, int labelOffset)
    {
        var values = new float[count * featureCount];
        var labels = new long[count];
        for (int i = 0; i < count; i++)
        {
            int label = random.Next(classCount);
            labels[i] = label + labelOffset;
            for (int j = 0; j < featureCount; j++)
            {
                double mean = j == label % featureCount ? 3 : 0;
                double gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                values[(i * featureCount) + j] = (float)(mean + gaussian);
            }
        }

        return (values, labels);
    }
}
