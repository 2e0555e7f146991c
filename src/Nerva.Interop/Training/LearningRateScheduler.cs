using Nerva.Interop;

namespace Nerva.Training;

/// <summary>The native learning-rate scheduler of a <see cref="LearningRateSchedule"/>.</summary>
public sealed class LearningRateScheduler : IDisposable
{
    private readonly SchedulerHandle _handle;

    /// <summary>Creates the scheduler of <paramref name="schedule"/>.</summary>
    /// <exception cref="ArgumentException">A parameter of the schedule is out of range.</exception>
    public unsafe LearningRateScheduler(LearningRateSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        NervaLibrary.EnsureLoaded();
        Schedule = schedule;
        SchedulerHandle handle;
        switch (schedule.Kind)
        {
            case LearningRateScheduleKind.Constant:
                Status.Check(NativeMethods.nerva_scheduler_create_constant(out handle, schedule.InitialRate));
                break;
            case LearningRateScheduleKind.TimeBased:
                Status.Check(NativeMethods.nerva_scheduler_create_time_based(out handle, schedule.InitialRate, schedule.Decay));
                break;
            case LearningRateScheduleKind.StepBased:
                Status.Check(NativeMethods.nerva_scheduler_create_step_based(out handle, schedule.InitialRate, schedule.DropFactor, schedule.Period));
                break;
            case LearningRateScheduleKind.MultiStep:
                long[] milestones = [.. schedule.Milestones ?? []];
                fixed (long* pointer = milestones)
                {
                    Status.Check(NativeMethods.nerva_scheduler_create_multi_step(out handle, schedule.InitialRate, pointer, milestones.Length, schedule.DropFactor));
                }

                break;
            case LearningRateScheduleKind.Exponential:
                Status.Check(NativeMethods.nerva_scheduler_create_exponential(out handle, schedule.InitialRate, schedule.Decay));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(schedule), schedule.Kind, "Unknown learning-rate schedule.");
        }

        _handle = handle;
    }

    /// <summary>The schedule.</summary>
    public LearningRateSchedule Schedule { get; }

    /// <summary>Returns the learning rate η_i of epoch <paramref name="epoch"/> (counted from 0).</summary>
    public double RateAt(int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        Status.Check(NativeMethods.nerva_scheduler_learning_rate(out double rate, _handle, epoch));
        return rate;
    }

    /// <summary>Releases the native scheduler.</summary>
    public void Dispose() => _handle.Dispose();
}
