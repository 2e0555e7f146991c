using System.Diagnostics;
using Nerva.Model;

namespace Nerva.Training;

/// <summary>
/// Trains a <see cref="MultilayerPerceptron"/> for a number of epochs. Each epoch shuffles the training examples
/// (unless switched off), trains every mini-batch in one native call, the last smaller batch included, and then
/// evaluates the loss and accuracy on the whole training set and the accuracy on the test set.
/// </summary>
public sealed class Trainer
{
    /// <summary>Raised before training with epoch 0, then after every epoch.</summary>
    public event EventHandler<EpochReport>? EpochCompleted;

    /// <summary>Raised after every mini-batch.</summary>
    public event EventHandler<BatchProgress>? BatchCompleted;

    /// <summary>
    /// Trains <paramref name="model"/> on <paramref name="data"/>. Cancelling <paramref name="cancellationToken"/>
    /// stops training after the current mini-batch. The result then has Cancelled set and lists the completed epochs.
    /// </summary>
    /// <exception cref="ArgumentException">An option is out of range or the data does not fit the model.</exception>
    public TrainingResult Train(MultilayerPerceptron model, TrainingData data, TrainingOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Epochs, nameof(options.Epochs));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options.BatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.EvaluationBatchSize, 1, nameof(options.EvaluationBatchSize));
        CheckData(model, data);

        var total = Stopwatch.StartNew();
        using var scheduler = new LearningRateScheduler(options.LearningRate);
        var reports = new List<EpochReport> { Report(model, data, options, 0, null, TimeSpan.Zero) };
        EpochCompleted?.Invoke(this, reports[0]);

        int count = data.TrainCount;
        long[] order = Enumerable.Range(0, count).Select(i => (long)i).ToArray();
        var shuffler = new SplitMix64(options.ShuffleSeed);
        int batchCount = (count + options.BatchSize - 1) / options.BatchSize;
        bool cancelled = false;
        for (int epoch = 1; epoch <= options.Epochs && !cancelled; epoch++)
        {
            double rate = scheduler.RateAt(epoch - 1);
            if (options.Shuffle)
            {
                shuffler.Shuffle(order);
            }

            var watch = Stopwatch.StartNew();
            for (int batch = 0; batch < batchCount; batch++)
            {
                int start = batch * options.BatchSize;
                int size = Math.Min(options.BatchSize, count - start);
                model.TrainBatch(data.Xtrain, data.Ttrain, order.AsSpan(start, size), rate);
                BatchCompleted?.Invoke(this, new BatchProgress(epoch, batch + 1, batchCount));
                if (cancellationToken.IsCancellationRequested)
                {
                    cancelled = true;
                    break;
                }
            }

            if (cancelled)
            {
                break;
            }

            EpochReport report = Report(model, data, options, epoch, rate, watch.Elapsed);
            reports.Add(report);
            EpochCompleted?.Invoke(this, report);
        }

        return new TrainingResult(reports, cancelled, total.Elapsed);
    }

    private static EpochReport Report(MultilayerPerceptron model, TrainingData data, TrainingOptions options, int epoch, double? rate, TimeSpan time)
    {
        Evaluation train = model.Evaluate(data.Xtrain, data.Ttrain, options.EvaluationBatchSize);
        Evaluation test = model.Evaluate(data.Xtest, data.Ttest, options.EvaluationBatchSize);
        return new EpochReport(epoch, rate, train.MeanLoss, train.Accuracy, test.Accuracy, time);
    }

    private static void CheckData(MultilayerPerceptron model, TrainingData data)
    {
        if (data.Xtrain.Columns != model.InputSize)
        {
            throw new ArgumentException(
                $"The data has {data.Xtrain.Columns} features per example but the model's input size is {model.InputSize}; the first layer size must equal the data width.",
                nameof(data));
        }

        if (data.Ttrain.Columns != model.OutputSize)
        {
            throw new ArgumentException(
                $"The targets have {data.Ttrain.Columns} columns (classes) but the model's output size is {model.OutputSize}; the last layer size must equal the number of classes.",
                nameof(data));
        }
    }
}
