using Nerva.Data;
using Nerva.Model;
using Nerva.Training;

namespace Nerva.Interop.Tests.Training;

// End-to-end training on Gaussian blobs: 1003 training examples (ten batches of 100 and a remainder of 3),
// 300 test examples, 8 features and 4 classes, with the model ReLU(8 → 32), Linear(32 → 4).
public sealed class TrainerTests : IDisposable
{
    private const string Layers = "ReLU;Linear";
    private const string Sizes = "8;32;4";

    private readonly TrainingData _data;

    public TrainerTests()
    {
        _data = TrainingData.Create(TrainingFixtures.Blobs(1003, 300, 8, 4, seed: 11), ScalarType.Float32);
    }

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Train_LossFallsAndAccuracyHigh()
    {
        using MultilayerPerceptron model = TrainingFixtures.Build(Layers, Sizes, optimizers: "Momentum(0.9)");

        TrainingResult result = new Trainer().Train(model, _data, Options(epochs: 5));

        Assert.Equal(6, result.Epochs.Count);
        Assert.False(result.Cancelled);
        Assert.True(result.Epochs[^1].Loss < 0.5 * result.Epochs[0].Loss, $"loss {result.Epochs[0].Loss} → {result.Epochs[^1].Loss}");
        Assert.True(result.Epochs[^1].TrainAccuracy >= 0.9, $"train accuracy {result.Epochs[^1].TrainAccuracy}");
        Assert.True(result.Epochs[^1].TestAccuracy >= 0.9, $"test accuracy {result.Epochs[^1].TestAccuracy}");
    }

    [Fact]
    public void Train_EpochZeroReportedBeforeTraining()
    {
        using MultilayerPerceptron model = TrainingFixtures.Build(Layers, Sizes);
        Evaluation untrainedTrain = model.Evaluate(_data.Xtrain, _data.Ttrain, 1000);
        Evaluation untrainedTest = model.Evaluate(_data.Xtest, _data.Ttest, 1000);
        var trainer = new Trainer();
        var events = new List<string>();
        EpochReport? first = null;
        trainer.EpochCompleted += (_, report) =>
        {
            first ??= report;
            events.Add($"epoch {report.Epoch}");
        };
        trainer.BatchCompleted += (_, progress) => events.Add($"batch {progress.Epoch}.{progress.Batch}");

        TrainingResult result = trainer.Train(model, _data, Options(epochs: 1));

        Assert.Equal("epoch 0", events[0]);
        Assert.Equal("batch 1.1", events[1]);
        Assert.Equal("epoch 1", events[^1]);
        Assert.Equal(0, first!.Value.Epoch);
        Assert.Null(first.Value.LearningRate);
        Assert.Equal(untrainedTrain.MeanLoss, first.Value.Loss);
        Assert.Equal(untrainedTrain.Accuracy, first.Value.TrainAccuracy);
        Assert.Equal(untrainedTest.Accuracy, first.Value.TestAccuracy);
        Assert.Equal(first.Value, result.Epochs[0]);
        Assert.Equal(0.05, result.Epochs[1].LearningRate);
    }

    [Fact]
    public void Train_RemainderBatchIsTrained()
    {
        using MultilayerPerceptron model = TrainingFixtures.Build(Layers, Sizes);
        var trainer = new Trainer();
        var batches = new List<BatchProgress>();
        trainer.BatchCompleted += (_, progress) => batches.Add(progress);

        trainer.Train(model, _data, Options(epochs: 1));

        Assert.Equal(11, batches.Count);
        Assert.All(batches, progress => Assert.Equal(11, progress.BatchCount));
        Assert.Equal(Enumerable.Range(1, 11), batches.Select(progress => progress.Batch));
    }

    // Without shuffling, the batches are rows 0–99, 100–199, …, 1000–1002 in file order. A model trained batch by
    // batch on those rows must end bit for bit where the trainer ends, and differ when the remainder is left out.
    [Fact]
    public void Train_NoShuffleEqualsFileOrder()
    {
        using MultilayerPerceptron trained = TrainingFixtures.Build(Layers, Sizes, optimizers: "Nesterov(0.9)");
        using MultilayerPerceptron manual = TrainingFixtures.Build(Layers, Sizes, optimizers: "Nesterov(0.9)");
        using MultilayerPerceptron withoutRemainder = TrainingFixtures.Build(Layers, Sizes, optimizers: "Nesterov(0.9)");
        using MultilayerPerceptron shuffled = TrainingFixtures.Build(Layers, Sizes, optimizers: "Nesterov(0.9)");
        long[] rows = Enumerable.Range(0, _data.TrainCount).Select(i => (long)i).ToArray();

        new Trainer().Train(trained, _data, Options(epochs: 1) with { Shuffle = false });
        new Trainer().Train(shuffled, _data, Options(epochs: 1));
        for (int start = 0; start < rows.Length; start += 100)
        {
            int size = Math.Min(100, rows.Length - start);
            manual.TrainBatch(_data.Xtrain, _data.Ttrain, rows.AsSpan(start, size), 0.05);
            if (size == 100)
            {
                withoutRemainder.TrainBatch(_data.Xtrain, _data.Ttrain, rows.AsSpan(start, size), 0.05);
            }
        }

        Assert.Equal(WeightBits(manual), WeightBits(trained));
        Assert.NotEqual(WeightBits(withoutRemainder), WeightBits(trained));
        Assert.NotEqual(WeightBits(shuffled), WeightBits(trained));
    }

    [Fact]
    public void Train_SameSeedBitIdenticalWeights()
    {
        int threads = NervaLibrary.Threads;
        try
        {
            NervaLibrary.Threads = 2;
            int[] first = TrainWithSeed(7);
            int[] second = TrainWithSeed(7);
            int[] other = TrainWithSeed(8);

            Assert.Equal(first, second);
            Assert.NotEqual(first, other);
        }
        finally
        {
            NervaLibrary.Threads = threads;
        }
    }

    [Fact]
    public void Train_CancelStopsAfterBatch()
    {
        using MultilayerPerceptron model = TrainingFixtures.Build(Layers, Sizes);
        using var cancellation = new CancellationTokenSource();
        var trainer = new Trainer();
        var batches = new List<BatchProgress>();
        trainer.BatchCompleted += (_, progress) =>
        {
            batches.Add(progress);
            if (progress is { Epoch: 2, Batch: 3 })
            {
                cancellation.Cancel();
            }
        };

        TrainingResult result = trainer.Train(model, _data, Options(epochs: 5), cancellation.Token);

        Assert.True(result.Cancelled);
        Assert.Equal(11 + 3, batches.Count);
        Assert.Equal(new BatchProgress(2, 3, 11), batches[^1]);
        Assert.Equal([0, 1], result.Epochs.Select(report => report.Epoch));
    }

    [Fact]
    public void Train_CancelledBeforeStartTrainsOneBatch()
    {
        using MultilayerPerceptron model = TrainingFixtures.Build(Layers, Sizes);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var trainer = new Trainer();
        int batches = 0;
        trainer.BatchCompleted += (_, _) => batches++;

        TrainingResult result = trainer.Train(model, _data, Options(epochs: 3), cancellation.Token);

        Assert.True(result.Cancelled);
        Assert.Equal(1, batches);
        Assert.Single(result.Epochs);
    }

    [Fact]
    public void Train_ZeroEpochsOnlyEvaluates()
    {
        using MultilayerPerceptron model = TrainingFixtures.Build(Layers, Sizes);
        Dictionary<string, double[]> before = TrainingFixtures.Parameters(model);

        TrainingResult result = new Trainer().Train(model, _data, Options(epochs: 0));

        Assert.Single(result.Epochs);
        Assert.Equal(before, TrainingFixtures.Parameters(model));
    }

    // Evaluation batches of 7 leave a remainder of 2 of the 1003 training and 6 of the 300 test examples. The count of
    // correct examples must equal an argmax count over the outputs of one feedforward of the whole set.
    [Fact]
    public void Evaluate_CountsEveryExample()
    {
        using MultilayerPerceptron model = TrainingFixtures.Build(Layers, Sizes);
        new Trainer().Train(model, _data, Options(epochs: 1));

        Evaluation small = model.Evaluate(_data.Xtrain, _data.Ttrain, 7);
        Evaluation whole = model.Evaluate(_data.Xtrain, _data.Ttrain, 5000);
        Evaluation test = model.Evaluate(_data.Xtest, _data.Ttest, 7);

        Assert.Equal(1003, small.Count);
        Assert.Equal(300, test.Count);
        Assert.Equal(CountCorrect(model, _data.Xtrain, _data.Ttrain), small.Correct);
        Assert.Equal(CountCorrect(model, _data.Xtest, _data.Ttest), test.Correct);
        Assert.Equal(whole.Correct, small.Correct);
        Assert.Equal(whole.LossSum, small.LossSum, 1e-3);
    }

    [Fact]
    public void Train_DataWidthMismatchRejected()
    {
        using MultilayerPerceptron model = TrainingFixtures.Build(Layers, "9;32;4");

        var exception = Assert.Throws<ArgumentException>(() => new Trainer().Train(model, _data, Options(epochs: 1)));

        Assert.Contains("8 features", exception.Message, StringComparison.Ordinal);
        Assert.Contains("input size is 9", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_ZeroBatchSizeRejected()
    {
        using MultilayerPerceptron model = TrainingFixtures.Build(Layers, Sizes);

        Assert.Throws<ArgumentOutOfRangeException>(() => new Trainer().Train(model, _data, Options(epochs: 1) with { BatchSize = 0 }));
    }

    private static TrainingOptions Options(int epochs) => new()
    {
        Epochs = epochs,
        BatchSize = 100,
        LearningRate = LearningRateSchedule.Constant(0.05),
        ShuffleSeed = 3,
    };

    private static int[] WeightBits(MultilayerPerceptron model) =>
        model.Layers.SelectMany(layer => TrainingFixtures.Bits(layer.GetParameter<float>("W")).Concat(TrainingFixtures.Bits(layer.GetParameter<float>("b")))).ToArray();

    private static long CountCorrect(MultilayerPerceptron model, Matrix X, Matrix T)
    {
        using var Y = new Matrix(1, 1, ScalarType.Float32);
        model.SetTraining(false);
        model.Feedforward(X, Y);
        float[] outputs = Y.ToArray<float>();
        float[] targets = T.ToArray<float>();
        int K = T.Columns;
        long correct = 0;
        for (int row = 0; row < X.Rows; row++)
        {
            if (ArgMax(outputs.AsSpan(row * K, K)) == ArgMax(targets.AsSpan(row * K, K)))
            {
                correct++;
            }
        }

        return correct;
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }

    private int[] TrainWithSeed(ulong seed)
    {
        using MultilayerPerceptron model = TrainingFixtures.Build(Layers, Sizes, seed: seed, optimizers: "Nesterov(0.9)", dropouts: "0.2;0");
        new Trainer().Train(model, _data, Options(epochs: 2) with { ShuffleSeed = seed });
        return WeightBits(model);
    }
}
