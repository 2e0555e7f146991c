using Nerva.Training;

namespace Nerva.Interop.Tests.Training;

public class LearningRateSchedulerTests
{
    [Fact]
    public void Constant_SameRateEveryEpoch()
    {
        using var scheduler = new LearningRateScheduler(LearningRateSchedule.Constant(0.01));

        Assert.Equal([0.01, 0.01, 0.01, 0.01], Rates(scheduler, 4));
    }

    // η_i = η_0 · f^⌊(1+i)/p⌋ with η_0 = 1, f = 0.5, p = 2.
    [Fact]
    public void StepBased_MatchesCheckValues()
    {
        var schedule = new LearningRateSchedule(LearningRateScheduleKind.StepBased, 1, DropFactor: 0.5, Period: 2);
        using var scheduler = new LearningRateScheduler(schedule);

        Assert.Equal([1, 0.5, 0.5, 0.25, 0.25, 0.125], Rates(scheduler, 6));
    }

    // Γ = 0.1 once for each milestone m ≤ i, with milestones 1, 3, 5.
    [Fact]
    public void MultiStep_MatchesCheckValues()
    {
        var schedule = new LearningRateSchedule(LearningRateScheduleKind.MultiStep, 1, DropFactor: 0.1, Milestones: [1, 3, 5]);
        using var scheduler = new LearningRateScheduler(schedule);

        double[] rates = Rates(scheduler, 7);

        double[] expected = [1, 0.1, 0.1, 0.01, 0.01, 0.001, 0.001];
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], rates[i], 1e-15);
        }
    }

    // η_(i+1) = η_i / (1 + d·i), cumulative, with η_0 = 1 and d = 0.5:
    // η_1 = 1 / 1 = 1, η_2 = 1 / 1.5 = 2/3, η_3 = (2/3) / 2 = 1/3, η_4 = (1/3) / 2.5 = 2/15.
    [Fact]
    public void TimeBased_IsCumulative()
    {
        var schedule = new LearningRateSchedule(LearningRateScheduleKind.TimeBased, 1, Decay: 0.5);
        using var scheduler = new LearningRateScheduler(schedule);

        double[] rates = Rates(scheduler, 5);

        double[] expected = [1, 1, 2.0 / 3, 1.0 / 3, 2.0 / 15];
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], rates[i], 1e-15);
        }
    }

    // η_i = η_0 · e^(−d·i) with η_0 = 0.5 and d = 0.25.
    [Fact]
    public void Exponential_MatchesFormula()
    {
        var schedule = new LearningRateSchedule(LearningRateScheduleKind.Exponential, 0.5, Decay: 0.25);
        using var scheduler = new LearningRateScheduler(schedule);

        double[] rates = Rates(scheduler, 4);

        double[] expected = [0.5, 0.5 * Math.Exp(-0.25), 0.5 * Math.Exp(-0.5), 0.5 * Math.Exp(-0.75)];
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], rates[i], 1e-15);
        }
    }

    [Fact]
    public void RateAt_OrderIndependent()
    {
        var schedule = new LearningRateSchedule(LearningRateScheduleKind.TimeBased, 1, Decay: 0.5);
        using var scheduler = new LearningRateScheduler(schedule);

        double late = scheduler.RateAt(3);
        double early = scheduler.RateAt(1);

        Assert.Equal(1.0 / 3, late, 1e-15);
        Assert.Equal(1.0, early, 1e-15);
    }

    [Fact]
    public void RateAt_NegativeEpochIsRejected()
    {
        using var scheduler = new LearningRateScheduler(LearningRateSchedule.Constant(0.1));

        Assert.Throws<ArgumentOutOfRangeException>(() => scheduler.RateAt(-1));
    }

    [Fact]
    public void Create_NegativeRateIsRejected()
    {
        var exception = Assert.Throws<ArgumentException>(() => new LearningRateScheduler(LearningRateSchedule.Constant(-0.1)));

        Assert.Contains("-0.1", exception.Message, StringComparison.Ordinal);
    }

    private static double[] Rates(LearningRateScheduler scheduler, int count) =>
        Enumerable.Range(0, count).Select(scheduler.RateAt).ToArray();
}
