using Nerva.Data;
using Nerva.Layers;
using Nerva.Model;
using Nerva.Specification;

namespace Nerva.Interop.Tests.Training;

/// <summary>Synthetic data sets and small models for the training tests.</summary>
internal static class TrainingFixtures
{
    /// <summary>
    /// Returns Gaussian blobs: class c has its mean at 3 in feature c (mod the feature count) and 0 elsewhere,
    /// with unit standard deviation, so a linear classifier separates the classes with about 90% or more accuracy.
    /// </summary>
    public static DataSet Blobs(int trainCount, int testCount, int featureCount, int classCount, int seed)
    {
        var random = new Random(seed);
        (DataMatrix xtrain, int[] trainLabels) = Sample(random, trainCount, featureCount, classCount);
        (DataMatrix xtest, int[] testLabels) = Sample(random, testCount, featureCount, classCount);
        return new DataSet(xtrain, trainLabels, xtest, testLabels, classCount);
    }

    /// <summary>Builds a model from specification strings, as the CLI does.</summary>
    public static MultilayerPerceptron Build(
        string layers, string sizes, ScalarType scalarType = ScalarType.Float32, ulong seed = 1, string? optimizers = null, string? dropouts = null,
        LossKind loss = LossKind.SoftmaxCrossEntropy)
    {
        NetworkSpecification network = NetworkSpecification.Parse(layers, sizes, "XavierNormalized", optimizers, dropouts);
        return NetworkBuilder.Build(network, loss, scalarType, seed);
    }

    /// <summary>Returns every non-gradient parameter and state of every layer, keyed "layer/name".</summary>
    public static Dictionary<string, double[]> Parameters(MultilayerPerceptron model)
    {
        var parameters = new Dictionary<string, double[]>();
        for (int i = 0; i < model.Layers.Count; i++)
        {
            Layer layer = model.Layers[i];
            foreach (string name in layer.ParameterNames.Where(name => !(name.Length > 1 && name[0] == 'D' && layer.ParameterNames.Contains(name[1..]))))
            {
                parameters[$"{i + 1}/{name}"] = model.ScalarType == ScalarType.Float32
                    ? Array.ConvertAll(layer.GetParameter<float>(name), value => (double)value)
                    : layer.GetParameter<double>(name);
            }
        }

        return parameters;
    }

    /// <summary>Returns the bits of <paramref name="values"/>, so that two arrays compare bit for bit (NaN and −0 included).</summary>
    public static long[] Bits(double[] values) => Array.ConvertAll(values, BitConverter.DoubleToInt64Bits);

    /// <summary>Returns the bits of <paramref name="values"/>.</summary>
    public static int[] Bits(float[] values) => Array.ConvertAll(values, BitConverter.SingleToInt32Bits);

    private static (DataMatrix X, int[] Labels) Sample(Random random, int count, int featureCount, int classCount)
    {
        var values = new float[count * featureCount];
        var labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            labels[i] = random.Next(classCount);
            for (int j = 0; j < featureCount; j++)
            {
                double mean = j == labels[i] % featureCount ? 3 : 0;
                values[(i * featureCount) + j] = (float)(mean + Gaussian(random));
            }
        }

        return (new DataMatrix(values, count, featureCount), labels);
    }

    // Box–Muller, so that the data does not depend on any generator other than System.Random with a seed.
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
