// Exports of nerva/scheduler.h.
#include "abi/boundary.h"
#include "core/schedulers.h"
#include "nerva/scheduler.h"

#include <memory>
#include <vector>

struct nerva_scheduler : nerva::abi::Counted
{
    std::unique_ptr<nerva::LearningRateScheduler> value;
};

using nerva::abi::guard;
using nerva::abi::require_not_null;

namespace
{

// Stores a new handle around scheduler in *out.
void store_scheduler(nerva_scheduler** out, std::unique_ptr<nerva::LearningRateScheduler> scheduler)
{
    auto handle = std::make_unique<nerva_scheduler>();
    handle->value = std::move(scheduler);
    *out = handle.release();
}

} // namespace

extern "C" {

NERVA_API nerva_status nerva_scheduler_create_constant(nerva_scheduler** out, double learning_rate)
{
    if (out)
    {
        *out = nullptr;
    }
    return guard(__func__, [&] {
        require_not_null(out, "out");
        store_scheduler(out, std::make_unique<nerva::ConstantScheduler>(learning_rate));
    });
}

NERVA_API nerva_status nerva_scheduler_create_time_based(nerva_scheduler** out, double learning_rate, double decay)
{
    if (out)
    {
        *out = nullptr;
    }
    return guard(__func__, [&] {
        require_not_null(out, "out");
        store_scheduler(out, std::make_unique<nerva::TimeBasedScheduler>(learning_rate, decay));
    });
}

NERVA_API nerva_status nerva_scheduler_create_step_based(nerva_scheduler** out, double learning_rate,
                                                         double drop_factor, int64_t drop_period)
{
    if (out)
    {
        *out = nullptr;
    }
    return guard(__func__, [&] {
        require_not_null(out, "out");
        store_scheduler(out, std::make_unique<nerva::StepBasedScheduler>(learning_rate, drop_factor, drop_period));
    });
}

NERVA_API nerva_status nerva_scheduler_create_multi_step(nerva_scheduler** out, double learning_rate,
                                                         const int64_t* milestones, int64_t milestone_count,
                                                         double gamma)
{
    if (out)
    {
        *out = nullptr;
    }
    return guard(__func__, [&] {
        require_not_null(out, "out");
        if (milestone_count < 0)
        {
            nerva::throw_invalid_argument("milestone_count", "milestone_count is ", milestone_count,
                                          " but must be >= 0");
        }
        if (milestone_count > 0)
        {
            require_not_null(milestones, "milestones");
        }
        std::vector<int64_t> copy(milestones, milestones + milestone_count);
        store_scheduler(out, std::make_unique<nerva::MultiStepScheduler>(learning_rate, std::move(copy), gamma));
    });
}

NERVA_API nerva_status nerva_scheduler_create_exponential(nerva_scheduler** out, double learning_rate, double decay)
{
    if (out)
    {
        *out = nullptr;
    }
    return guard(__func__, [&] {
        require_not_null(out, "out");
        store_scheduler(out, std::make_unique<nerva::ExponentialScheduler>(learning_rate, decay));
    });
}

NERVA_API nerva_status nerva_scheduler_destroy(nerva_scheduler* scheduler)
{
    return guard(__func__, [&] { delete scheduler; });
}

NERVA_API nerva_status nerva_scheduler_learning_rate(double* out, const nerva_scheduler* scheduler, int64_t epoch)
{
    return guard(__func__, [&] {
        require_not_null(out, "out");
        require_not_null(scheduler, "scheduler");
        *out = scheduler->value->learning_rate(epoch);
    });
}

} // extern "C"
