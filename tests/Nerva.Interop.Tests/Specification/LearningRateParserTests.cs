using Nerva.Specification;

namespace Nerva.Interop.Tests.Specification;

public class LearningRateParserTests
{
    [Theory]
    [InlineData("0.01", 0.01)]
    [InlineData(" 1e-3 ", 0.001)]
    [InlineData("2", 2.0)]
    public void ParseLearningRate_ReadsPlainNumberAsConstant(string text, double rate)
    {
        LearningRateSchedule schedule = SpecificationParser.ParseLearningRate(text);

        Assert.Equal(LearningRateScheduleKind.Constant, schedule.Kind);
        Assert.Equal(rate, schedule.InitialRate);
    }

    [Theory]
    [InlineData("Constant(0.1)")]
    [InlineData("constant(lr=0.1)")]
    public void ParseLearningRate_ReadsConstant(string text)
    {
        LearningRateSchedule schedule = SpecificationParser.ParseLearningRate(text);

        Assert.Equal(LearningRateScheduleKind.Constant, schedule.Kind);
        Assert.Equal(0.1, schedule.InitialRate);
    }

    [Theory]
    [InlineData("TimeBased(0.1,0.01)")]
    [InlineData("time_based(decay=0.01, lr=0.1)")]
    public void ParseLearningRate_ReadsTimeBased(string text)
    {
        LearningRateSchedule schedule = SpecificationParser.ParseLearningRate(text);

        Assert.Equal(LearningRateScheduleKind.TimeBased, schedule.Kind);
        Assert.Equal(0.1, schedule.InitialRate);
        Assert.Equal(0.01, schedule.Decay);
    }

    // drop_rate is the factor f and change_rate the period p in epochs, as in the Nerva tools.
    [Theory]
    [InlineData("StepBased(0.1,0.5,10)")]
    [InlineData("StepBased(lr=0.1, drop_rate=0.5, change_rate=10)")]
    [InlineData("StepBased(0.1, change_rate=10, drop_rate=0.5)")]
    [InlineData("stepbased(0.1, drop_factor=0.5, period=10)")]
    public void ParseLearningRate_MapsStepBasedRatesToFactorAndPeriod(string text)
    {
        LearningRateSchedule schedule = SpecificationParser.ParseLearningRate(text);

        Assert.Equal(LearningRateScheduleKind.StepBased, schedule.Kind);
        Assert.Equal(0.1, schedule.InitialRate);
        Assert.Equal(0.5, schedule.DropFactor);
        Assert.Equal(10, schedule.Period);
    }

    [Theory]
    [InlineData("MultiStepLR(0.1;1,3,5;0.1)")]
    [InlineData("MultiStepLR(lr=0.1;milestones=1,3,5;gamma=0.1)")]
    [InlineData("MultiStep( 0.1 ; 1, 3, 5 ; 0.1 )")]
    [InlineData("multi_step_lr(gamma=0.1;lr=0.1;milestones=1,3,5)")]
    [InlineData("MultiStepLR(0.1;milestones=1,3,5;gamma=0.1)")]
    public void ParseLearningRate_ReadsMultiStepBothForms(string text)
    {
        LearningRateSchedule schedule = SpecificationParser.ParseLearningRate(text);

        Assert.Equal(LearningRateScheduleKind.MultiStep, schedule.Kind);
        Assert.Equal(0.1, schedule.InitialRate);
        Assert.Equal([1L, 3L, 5L], schedule.Milestones!);
        Assert.Equal(0.1, schedule.DropFactor);
    }

    [Fact]
    public void ParseLearningRate_AcceptsSingleMilestoneZero()
    {
        LearningRateSchedule schedule = SpecificationParser.ParseLearningRate("MultiStepLR(1;0;0.5)");

        Assert.Equal([0L], schedule.Milestones!);
    }

    [Theory]
    [InlineData("Exponential(0.1,0.05)")]
    [InlineData("Exponential(lr=0.1, change_rate=0.05)")]
    [InlineData("exponential(0.1, decay=0.05)")]
    public void ParseLearningRate_ReadsExponential(string text)
    {
        LearningRateSchedule schedule = SpecificationParser.ParseLearningRate(text);

        Assert.Equal(LearningRateScheduleKind.Exponential, schedule.Kind);
        Assert.Equal(0.1, schedule.InitialRate);
        Assert.Equal(0.05, schedule.Decay);
    }

    [Theory]
    [InlineData("Constant(0.01)")]
    [InlineData("TimeBased(0.1,0.001)")]
    [InlineData("StepBased(0.1,0.5,3)")]
    [InlineData("MultiStepLR(0.1;1,3,5;0.1)")]
    [InlineData("Exponential(0.2,0.05)")]
    public void ToString_ParsesBackToSameSchedule(string text)
    {
        LearningRateSchedule schedule = SpecificationParser.ParseLearningRate(text);
        LearningRateSchedule reparsed = SpecificationParser.ParseLearningRate(schedule.ToString());

        Assert.Equal(text, schedule.ToString());
        Assert.Equal(schedule.Kind, reparsed.Kind);
        Assert.Equal(schedule.InitialRate, reparsed.InitialRate);
        Assert.Equal(schedule.Decay, reparsed.Decay);
        Assert.Equal(schedule.DropFactor, reparsed.DropFactor);
        Assert.Equal(schedule.Period, reparsed.Period);
        Assert.Equal(schedule.Milestones ?? [], reparsed.Milestones ?? []);
    }

    [Theory]
    [InlineData("0", "the learning rate must be greater than 0, but got 0")]
    [InlineData("-0.1", "the learning rate must be greater than 0, but got -0.1")]
    [InlineData("NaN", "the learning rate must be a finite number, but got 'NaN'")]
    [InlineData("Infinity", "the learning rate must be a finite number, but got 'Infinity'")]
    [InlineData("0.1.2", "the learning rate must be a number such as 0.01, 1e-3 or -0.5, but got '0.1.2'")]
    [InlineData("0,01", "the learning rate must be a number such as 0.01, 1e-3 or -0.5, but got '0,01'")]
    public void ParseLearningRate_RejectsBadNumber(string text, string problem)
    {
        Rejection.Check(
            () => SpecificationParser.ParseLearningRate(text),
            "--learning-rate",
            text,
            problem,
            "valid learning rates: a positive number such as 0.01, Constant(lr), TimeBased(lr,decay), StepBased(lr,drop_rate,change_rate), MultiStepLR(lr;m1,m2,...;gamma), MultiStep(lr;m1,m2,...;gamma), Exponential(lr,change_rate)");
    }

    [Theory]
    [InlineData("Cosine(0.1)", "unknown learning-rate scheduler 'Cosine'", "valid learning rates: a positive number such as 0.01, Constant(lr)")]
    [InlineData("Constant", "missing argument lr in 'Constant'", "expected Constant(lr)")]
    [InlineData("Constant(0)", "lr of Constant must be greater than 0, but got 0", "expected Constant(lr)")]
    [InlineData("TimeBased(0.1,-1)", "decay of TimeBased must be at least 0, but got -1", "expected TimeBased(lr,decay)")]
    [InlineData("StepBased(0.1,0.5)", "missing argument change_rate", "expected StepBased(lr,drop_rate,change_rate)")]
    [InlineData("StepBased(0.1,0.5,2.5)", "change_rate of StepBased must be a whole number, but got 2.5", "expected StepBased(lr,drop_rate,change_rate)")]
    [InlineData("StepBased(0.1,0.5,0)", "change_rate of StepBased must be a whole number greater than 0, but got 0", "expected StepBased(lr,drop_rate,change_rate)")]
    [InlineData("StepBased(0.1,10,0.5)", "drop_rate of StepBased must be greater than 0 and at most 1, but got 10", "expected StepBased(lr,drop_rate,change_rate)")]
    [InlineData("Exponential(0.1,-0.5)", "change_rate of Exponential must be at least 0, but got -0.5", "expected Exponential(lr,change_rate)")]
    [InlineData("Constant(0.1);Constant(0.2)", "expected one learning-rate scheduler, but 'Constant(0.1);Constant(0.2)' has 2", "valid learning rates:")]
    public void ParseLearningRate_RejectsBadScheduler(string text, string problem, string hint)
    {
        Rejection.Check(() => SpecificationParser.ParseLearningRate(text), "--learning-rate", text, problem, hint);
    }

    [Theory]
    [InlineData("MultiStepLR(0.1;3,1;0.1)", "milestones of MultiStepLR must be strictly ascending, but 1 follows 3")]
    [InlineData("MultiStepLR(0.1;1,1;0.1)", "milestones of MultiStepLR must be strictly ascending, but 1 follows 1")]
    [InlineData("MultiStepLR(0.1;-1,2;0.1)", "milestones of MultiStepLR must be a whole number at least 0, but got -1")]
    [InlineData("MultiStepLR(0.1;1.5;0.1)", "milestones of MultiStepLR must be a whole number, but got 1.5")]
    [InlineData("MultiStepLR(0.1;;0.1)", "argument 2 of 'MultiStepLR(0.1;;0.1)' is empty")]
    [InlineData("MultiStepLR(0.1;1,,3;0.1)", "argument 2 of 'MultiStepLR(0.1;1,,3;0.1)' is empty or has an empty value")]
    [InlineData("MultiStepLR(0.1;1,3)", "missing argument gamma")]
    [InlineData("MultiStepLR(0.1;1,3;0.1;5)", "MultiStepLR takes at most 3 arguments, but 'MultiStepLR(0.1;1,3;0.1;5)' has 4")]
    [InlineData("MultiStepLR(0.1,1,3,5,0.1)", "lr of MultiStepLR takes one value, but 'MultiStepLR(0.1,1,3,5,0.1)' gives 5")]
    [InlineData("MultiStepLR(0.1;1,3;gamma=0.1,0.2)", "gamma of MultiStepLR takes one value")]
    [InlineData("MultiStepLR(0.1;1,milestones=3;0.1)", "only the first value can be preceded by 'name='")]
    [InlineData("MultiStepLR(0.1;1,3;1.5)", "gamma of MultiStepLR must be greater than 0 and at most 1, but got 1.5")]
    [InlineData("MultiStepLR(0.1;steps=1,3;0.1)", "MultiStepLR has no argument named 'steps'")]
    public void ParseLearningRate_RejectsBadMultiStep(string text, string problem)
    {
        Rejection.Check(() => SpecificationParser.ParseLearningRate(text), "--learning-rate", text, problem, "expected MultiStepLR(lr;m1,m2,...;gamma)");
    }
}
