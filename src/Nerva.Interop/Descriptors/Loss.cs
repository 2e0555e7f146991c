namespace Nerva;

/// <summary>
/// The loss functions of the specification. Each is a sum over the examples of a batch; training
/// backpropagates the gradient of the mean, and reports the sum divided by the number of examples.
/// </summary>
public enum LossKind
{
    /// <summary>L = Σ (Y − T)².</summary>
    SquaredError,

    /// <summary>The squared error divided by K·N.</summary>
    MeanSquaredError,

    /// <summary>L = −Σ T ⊙ log(Y), for outputs that are probabilities.</summary>
    CrossEntropy,

    /// <summary>L = −Σ T ⊙ log-softmax(Y), computed stably.</summary>
    SoftmaxCrossEntropy,

    /// <summary>L = −Σ T ⊙ log(σ(Y)).</summary>
    LogisticCrossEntropy,

    /// <summary>L = −Σ log((Y ⊙ T)·1_K), for outputs that are probabilities.</summary>
    NegativeLogLikelihood,
}
