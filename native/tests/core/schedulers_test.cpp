#include "core/schedulers.h"

#include <cmath>
#include <gtest/gtest.h>

using nerva::ConstantScheduler;
using nerva::ExponentialScheduler;
using nerva::MultiStepScheduler;
using nerva::StepBasedScheduler;
using nerva::TimeBasedScheduler;

TEST(Scheduler, ConstantKeepsInitialRate)
{
    const ConstantScheduler scheduler(0.25);
    for (int64_t epoch : {0, 1, 7, 1000})
    {
        EXPECT_EQ(scheduler.learning_rate(epoch), 0.25);
    }
}

// η0 = 1, d = 0.5: η1 = η0 / (1 + 0) = 1, η2 = η1 / (1 + 0.5) = 2/3, η3 = η2 / (1 + 1) = 1/3
TEST(Scheduler, TimeBasedIsCumulative)
{
    const TimeBasedScheduler scheduler(1.0, 0.5);
    EXPECT_DOUBLE_EQ(scheduler.learning_rate(0), 1.0);
    EXPECT_DOUBLE_EQ(scheduler.learning_rate(1), 1.0);
    EXPECT_DOUBLE_EQ(scheduler.learning_rate(2), 2.0 / 3.0);
    EXPECT_DOUBLE_EQ(scheduler.learning_rate(3), 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(scheduler.learning_rate(4), 1.0 / 7.5);
}

TEST(Scheduler, StepBasedCheckValues)
{
    const StepBasedScheduler scheduler(1.0, 0.5, 2);
    const double expected[] = {1, 0.5, 0.5, 0.25, 0.25, 0.125};
    for (int64_t epoch = 0; epoch < 6; ++epoch)
    {
        EXPECT_DOUBLE_EQ(scheduler.learning_rate(epoch), expected[epoch]) << "epoch " << epoch;
    }
}

TEST(Scheduler, MultiStepCheckValues)
{
    const MultiStepScheduler scheduler(1.0, {1, 3, 5}, 0.1);
    const double expected[] = {1, 0.1, 0.1, 0.01, 0.01, 0.001, 0.001};
    for (int64_t epoch = 0; epoch < 7; ++epoch)
    {
        EXPECT_DOUBLE_EQ(scheduler.learning_rate(epoch), expected[epoch]) << "epoch " << epoch;
    }
}

TEST(Scheduler, MultiStepWithoutMilestonesIsConstant)
{
    const MultiStepScheduler scheduler(0.5, {}, 0.1);
    EXPECT_EQ(scheduler.learning_rate(100), 0.5);
}

// η_i = 2 e^(-0.1 i): 2, 1.80967..., 1.63746...
TEST(Scheduler, ExponentialDecays)
{
    const ExponentialScheduler scheduler(2.0, 0.1);
    EXPECT_DOUBLE_EQ(scheduler.learning_rate(0), 2.0);
    EXPECT_NEAR(scheduler.learning_rate(1), 1.8096748360719192, 1e-15);
    EXPECT_NEAR(scheduler.learning_rate(2), 1.6374615061559636, 1e-15);
    EXPECT_NEAR(scheduler.learning_rate(10), 2.0 * std::exp(-1.0), 1e-15);
}

TEST(Scheduler, RejectsInvalidArguments)
{
    auto argument_of = [](auto&& make) {
        try
        {
            make();
        }
        catch (const nerva::Error& e)
        {
            return e.argument();
        }
        return std::string("(accepted)");
    };
    EXPECT_EQ(argument_of([] { ConstantScheduler(std::nan("")); }), "learning_rate");
    EXPECT_EQ(argument_of([] { ConstantScheduler(-1); }), "learning_rate");
    EXPECT_EQ(argument_of([] { TimeBasedScheduler(1, -0.1); }), "decay");
    EXPECT_EQ(argument_of([] { StepBasedScheduler(1, 0, 2); }), "drop_factor");
    EXPECT_EQ(argument_of([] { StepBasedScheduler(1, 0.5, 0); }), "drop_period");
    EXPECT_EQ(argument_of([] { MultiStepScheduler(1, {3, 3}, 0.1); }), "milestones");
    EXPECT_EQ(argument_of([] { MultiStepScheduler(1, {-1}, 0.1); }), "milestones");
    EXPECT_EQ(argument_of([] { MultiStepScheduler(1, {1}, 0); }), "gamma");
    EXPECT_EQ(argument_of([] { ExponentialScheduler(1, INFINITY); }), "decay");
    EXPECT_EQ(argument_of([] { ConstantScheduler(1).learning_rate(-1); }), "epoch");
}
