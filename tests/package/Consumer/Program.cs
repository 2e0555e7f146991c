using System.Globalization;
using Nerva;
using Nerva.Data;
using Nerva.Layers;
using Nerva.Model;
using Nerva.Specification;
using Nerva.Training;

// Y = X W^T + b for X = [[1, 2, 3]], W = [[1, 0, -1], [0.5, 0.5, 0.5]], b = [10, 20]
// gives Y = [[8, 23]].
using (var layer = new LinearLayer(3, 2, ScalarType.Float64))
{
    layer.SetParameter<double>("W", [1, 0, -1, 0.5, 0.5, 0.5]);
    layer.SetParameter<double>("b", [10, 20]);
    using Matrix X = Matrix.Create<double>([1, 2, 3], 1, 3);
    using var Y = new Matrix(1, 1, ScalarType.Float64);
    layer.Feedforward(X, Y);
    Console.WriteLine("Y = " + string.Join(" ", Y.ToArray<double>().Select(y => y.ToString("R", CultureInfo.InvariantCulture))));
}

// Training as the README shows it, on two well separated classes: x = (±1 + noise, ±1 + noise).
var random = new Random(3);
DataSet dataSet = MakeClasses(random, 400, 200);
NetworkSpecification network = NetworkSpecification.Parse("ReLU;Linear", "2;8;2", "XavierNormalized", "Nesterov(0.9)");
using MultilayerPerceptron model = NetworkBuilder.Build(network, LossKind.SoftmaxCrossEntropy, ScalarType.Float32, seed: 1);
using TrainingData data = TrainingData.Create(dataSet, ScalarType.Float32);
var trainer = new Trainer();
TrainingResult result = trainer.Train(model, data, new TrainingOptions { Epochs = 5, BatchSize = 50, LearningRate = LearningRateSchedule.Constant(0.05) });
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"test accuracy {result.Epochs[^1].TestAccuracy:F2}"));
Console.WriteLine("uses MKL: " + NervaLibrary.UsesMkl);

static DataSet MakeClasses(Random random, int trainCount, int testCount)
{
    (DataMatrix X, int[] labels) Make(int count)
    {
        var values = new float[count * 2];
        var labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            labels[i] = i % 2;
            float center = labels[i] == 0 ? -1 : 1;
            values[2 * i] = center + (float)(random.NextDouble() - 0.5);
            values[(2 * i) + 1] = center + (float)(random.NextDouble() - 0.5);
        }

        return (new DataMatrix(values, count, 2), labels);
    }

    (DataMatrix xtrain, int[] trainLabels) = Make(trainCount);
    (DataMatrix xtest, int[] testLabels) = Make(testCount);
    return new DataSet(xtrain, trainLabels, xtest, testLabels, classCount: 2);
}
