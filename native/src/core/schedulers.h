// Learning-rate schedulers: the learning rate η_i of epoch i (counted from
// 0) as a function of the initial learning rate η_0.
//
//   constant:     η_i = η_0
//   time-based:   η_0 given, η_{i+1} = η_i / (1 + d i)
//   step-based:   η_i = η_0 f^⌊(1 + i) / p⌋ with drop factor f and period p
//   multi-step:   η_i = η_0 Γ^(number of milestones m_j <= i), as in PyTorch's MultiStepLR
//   exponential:  η_i = η_0 e^(-d i)
//
// Every scheduler is a pure function of the epoch, so asking for any epoch
// in any order gives the same value.
#ifndef NERVA_CORE_SCHEDULERS_H
#define NERVA_CORE_SCHEDULERS_H

#include "core/error.h"

#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

namespace nerva
{

class LearningRateScheduler
{
public:
    virtual ~LearningRateScheduler() = default;

    // Returns η_i for epoch i >= 0, or throws InvalidArgument for i < 0.
    double learning_rate(int64_t epoch) const
    {
        if (epoch < 0)
        {
            throw_invalid_argument("epoch", "epoch is ", epoch, " but must be >= 0 (epochs are counted from 0)");
        }
        return compute(epoch);
    }

protected:
    explicit LearningRateScheduler(double initial_learning_rate) : m_eta0(initial_learning_rate)
    {
        if (!std::isfinite(initial_learning_rate) || initial_learning_rate < 0)
        {
            throw_invalid_argument("learning_rate", "learning_rate is ", initial_learning_rate,
                                   " but must be finite and >= 0, for example 0.01");
        }
    }

    virtual double compute(int64_t epoch) const = 0;

    double m_eta0;
};

// η_i = η_0
class ConstantScheduler : public LearningRateScheduler
{
public:
    explicit ConstantScheduler(double learning_rate) : LearningRateScheduler(learning_rate) {}

protected:
    double compute(int64_t) const override { return m_eta0; }
};

// η_{i+1} = η_i / (1 + d i), so η_i = η_0 / Π_{j<i} (1 + d j)
class TimeBasedScheduler : public LearningRateScheduler
{
public:
    TimeBasedScheduler(double learning_rate, double decay) : LearningRateScheduler(learning_rate), m_decay(decay)
    {
        if (!std::isfinite(decay) || decay < 0)
        {
            throw_invalid_argument("decay", "decay is ", decay, " but must be finite and >= 0, for example 0.01");
        }
    }

protected:
    double compute(int64_t epoch) const override
    {
        // The loop costs O(i); it stops early once η has underflowed to 0.
        double eta = m_eta0;
        for (int64_t j = 1; j < epoch && eta > 0 && m_decay > 0; ++j)
        {
            eta /= 1 + m_decay * static_cast<double>(j);
        }
        return eta;
    }

private:
    double m_decay;
};

// η_i = η_0 f^⌊(1 + i) / p⌋
class StepBasedScheduler : public LearningRateScheduler
{
public:
    StepBasedScheduler(double learning_rate, double drop_factor, int64_t drop_period)
        : LearningRateScheduler(learning_rate), m_drop_factor(drop_factor), m_drop_period(drop_period)
    {
        if (!std::isfinite(drop_factor) || drop_factor <= 0)
        {
            throw_invalid_argument("drop_factor", "drop_factor is ", drop_factor,
                                   " but must be finite and > 0, for example 0.5 to halve the learning rate");
        }
        if (drop_period < 1)
        {
            throw_invalid_argument("drop_period", "drop_period is ", drop_period,
                                   " but must be >= 1 (the number of epochs between two drops)");
        }
    }

protected:
    double compute(int64_t epoch) const override
    {
        const int64_t drops = (1 + epoch) / m_drop_period;
        return m_eta0 * std::pow(m_drop_factor, static_cast<double>(drops));
    }

private:
    double m_drop_factor;
    int64_t m_drop_period;
};

// η_i = η_0 Γ^(number of milestones m_j <= i)
class MultiStepScheduler : public LearningRateScheduler
{
public:
    MultiStepScheduler(double learning_rate, std::vector<int64_t> milestones, double gamma)
        : LearningRateScheduler(learning_rate), m_milestones(std::move(milestones)), m_gamma(gamma)
    {
        for (size_t j = 0; j < m_milestones.size(); ++j)
        {
            if (m_milestones[j] < 0)
            {
                throw_invalid_argument("milestones", "milestones[", j, "] is ", m_milestones[j],
                                       " but milestones are epochs and must be >= 0");
            }
            if (j > 0 && m_milestones[j] <= m_milestones[j - 1])
            {
                throw_invalid_argument("milestones", "milestones must be strictly increasing, but milestones[", j,
                                       "] = ", m_milestones[j], " follows ", m_milestones[j - 1]);
            }
        }
        if (!std::isfinite(gamma) || gamma <= 0)
        {
            throw_invalid_argument("gamma", "gamma is ", gamma, " but must be finite and > 0, for example 0.1");
        }
    }

protected:
    double compute(int64_t epoch) const override
    {
        int64_t passed = 0;
        for (const int64_t milestone : m_milestones)
        {
            passed += milestone <= epoch ? 1 : 0;
        }
        return m_eta0 * std::pow(m_gamma, static_cast<double>(passed));
    }

private:
    std::vector<int64_t> m_milestones;
    double m_gamma;
};

// η_i = η_0 e^(-d i)
class ExponentialScheduler : public LearningRateScheduler
{
public:
    ExponentialScheduler(double learning_rate, double decay) : LearningRateScheduler(learning_rate), m_decay(decay)
    {
        if (!std::isfinite(decay) || decay < 0)
        {
            throw_invalid_argument("decay", "decay is ", decay, " but must be finite and >= 0, for example 0.1");
        }
    }

protected:
    double compute(int64_t epoch) const override { return m_eta0 * std::exp(-m_decay * static_cast<double>(epoch)); }

private:
    double m_decay;
};

} // namespace nerva

#endif
