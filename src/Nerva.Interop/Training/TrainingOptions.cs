namespace Nerva.Training;

/// <summary>How <see cref="Trainer"/> runs the epochs.</summary>
public sealed record TrainingOptions
{
    /// <summary>The number of epochs (at least 0; 0 only evaluates the untrained model).</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>The number of examples per mini-batch; the last batch of an epoch contains the remainder.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>The learning rate of each epoch.</summary>
    public LearningRateSchedule LearningRate { get; init; } = LearningRateSchedule.Constant(0.01);

    /// <summary>Whether the training examples are shuffled before every epoch.</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>The seed of the shuffling; the same seed gives the same batches.</summary>
    public ulong ShuffleSeed { get; init; } = 1;

    /// <summary>The number of examples per batch when the loss and accuracy are evaluated.</summary>
    public int EvaluationBatchSize { get; init; } = 1000;
}

/// <summary>The state of the model after an epoch, or before training for epoch 0.</summary>
/// <param name="Epoch">The epoch, from 1; 0 is the row before training.</param>
/// <param name="LearningRate">The learning rate of the epoch; null for epoch 0.</param>
/// <param name="Loss">The loss summed over the training set, divided by its size.</param>
/// <param name="TrainAccuracy">The fraction of correctly classified training examples.</param>
/// <param name="TestAccuracy">The fraction of correctly classified test examples.</param>
/// <param name="TrainingTime">The time spent on the epoch's training steps, without the evaluation.</param>
public readonly record struct EpochReport(int Epoch, double? LearningRate, double Loss, double TrainAccuracy, double TestAccuracy, TimeSpan TrainingTime);

/// <summary>Progress inside an epoch, reported after every mini-batch.</summary>
/// <param name="Epoch">The epoch, from 1.</param>
/// <param name="Batch">The number of batches done in this epoch.</param>
/// <param name="BatchCount">The number of batches of the epoch.</param>
public readonly record struct BatchProgress(int Epoch, int Batch, int BatchCount);

/// <summary>The outcome of <see cref="Trainer.Train"/>.</summary>
/// <param name="Epochs">Epoch 0, then one report per completed epoch.</param>
/// <param name="Cancelled">Whether training stopped early because the cancellation token was signalled.</param>
/// <param name="TotalTime">The wall time of the whole run, evaluations included.</param>
public sealed record TrainingResult(IReadOnlyList<EpochReport> Epochs, bool Cancelled, TimeSpan TotalTime);
