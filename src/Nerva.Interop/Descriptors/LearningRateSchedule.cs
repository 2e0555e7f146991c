using System.Globalization;

namespace Nerva;

/// <summary>The learning-rate schedulers; i counts epochs from 0.</summary>
public enum LearningRateScheduleKind
{
    /// <summary>η_i = η_0.</summary>
    Constant,

    /// <summary>η_(i+1) = η_i / (1 + d·i), cumulative.</summary>
    TimeBased,

    /// <summary>η_i = η_0 · f^⌊(1+i)/p⌋ with drop factor f and period p (in epochs).</summary>
    StepBased,

    /// <summary>η_i = η_0 · Γ^(number of milestones m_j ≤ i).</summary>
    MultiStep,

    /// <summary>η_i = η_0 · e^(−d·i).</summary>
    Exponential,
}

/// <summary>A learning-rate schedule with its parameters.</summary>
/// <param name="Kind">The schedule.</param>
/// <param name="InitialRate">η_0.</param>
/// <param name="Decay">d of TimeBased and Exponential.</param>
/// <param name="DropFactor">f of StepBased, or Γ of MultiStep.</param>
/// <param name="Period">p of StepBased, in epochs.</param>
/// <param name="Milestones">The milestone epochs of MultiStep, ascending.</param>
public sealed record LearningRateSchedule(
    LearningRateScheduleKind Kind,
    double InitialRate,
    double Decay = 0,
    double DropFactor = 1,
    long Period = 1,
    IReadOnlyList<long>? Milestones = null)
{
    /// <summary>A constant learning rate.</summary>
    public static LearningRateSchedule Constant(double rate) => new(LearningRateScheduleKind.Constant, rate);

    /// <summary>Returns the specification string in the spelling of the Nerva tools.</summary>
    public override string ToString() => Kind switch
    {
        LearningRateScheduleKind.Constant => $"Constant({Format(InitialRate)})",
        LearningRateScheduleKind.TimeBased => $"TimeBased({Format(InitialRate)},{Format(Decay)})",
        LearningRateScheduleKind.StepBased => $"StepBased({Format(InitialRate)},{Format(DropFactor)},{Period.ToString(CultureInfo.InvariantCulture)})",
        LearningRateScheduleKind.MultiStep =>
            $"MultiStepLR({Format(InitialRate)};{string.Join(",", (Milestones ?? []).Select(m => m.ToString(CultureInfo.InvariantCulture)))};{Format(DropFactor)})",
        LearningRateScheduleKind.Exponential => $"Exponential({Format(InitialRate)},{Format(Decay)})",
        _ => Kind.ToString(),
    };

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
