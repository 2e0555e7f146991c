namespace Nerva;

/// <summary>The softmax functions of the specification, applied to each row x of a matrix.</summary>
public enum SoftmaxKind
{
    /// <summary>softmax(x) = e^x / (e^x·1). It overflows for inputs above about 88 (float32) or 709 (float64).</summary>
    Softmax,

    /// <summary>softmax(x − max(x)), equal to <see cref="Softmax"/> and finite for every finite x.</summary>
    StableSoftmax,

    /// <summary>log-softmax(x) = x − log(e^x·1).</summary>
    LogSoftmax,

    /// <summary>log-softmax(x − max(x)), equal to <see cref="LogSoftmax"/> and finite for every finite x.</summary>
    StableLogSoftmax,
}
