/* Nerva C ABI: learning-rate schedulers.
 *
 * A scheduler maps an epoch i (counted from 0) to a learning rate eta_i,
 * starting from the initial learning rate eta_0 (learning_rate, finite and
 * >= 0). A scheduler is a pure function of the epoch: it keeps no state
 * between calls, and several threads may read one scheduler at once.
 */
#ifndef NERVA_SCHEDULER_H
#define NERVA_SCHEDULER_H

#include "nerva/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A learning-rate scheduler owned by the library. */
typedef struct nerva_scheduler nerva_scheduler;

/* Creates a constant scheduler: eta_i = eta_0. The caller frees *out with
 * nerva_scheduler_destroy. */
NERVA_API nerva_status nerva_scheduler_create_constant(nerva_scheduler** out, double learning_rate);

/* Creates a time-based scheduler with decay d (finite, >= 0), cumulative:
 * eta_{i+1} = eta_i / (1 + d i). The caller frees *out with
 * nerva_scheduler_destroy. */
NERVA_API nerva_status nerva_scheduler_create_time_based(nerva_scheduler** out, double learning_rate, double decay);

/* Creates a step-based scheduler: eta_i = eta_0 f^floor((1 + i) / p), with drop
 * factor f = drop_factor (finite, > 0) and period p = drop_period epochs
 * (>= 1). The Nerva tools call f drop_rate and p change_rate. The caller
 * frees *out with nerva_scheduler_destroy. */
NERVA_API nerva_status nerva_scheduler_create_step_based(nerva_scheduler** out, double learning_rate,
                                                         double drop_factor, int64_t drop_period);

/* Creates a multi-step scheduler: eta_i = eta_0 gamma^n, where n is the number
 * of milestones m_j <= i, as in PyTorch's MultiStepLR. milestones contains
 * milestone_count (>= 0) epochs, each >= 0, in strictly increasing order,
 * and may be NULL when milestone_count is 0; it is copied. gamma must be
 * finite and > 0. The caller frees *out with nerva_scheduler_destroy. */
NERVA_API nerva_status nerva_scheduler_create_multi_step(nerva_scheduler** out, double learning_rate,
                                                         const int64_t* milestones, int64_t milestone_count,
                                                         double gamma);

/* Creates an exponential scheduler with decay d (finite, >= 0):
 * eta_i = eta_0 e^(-d i). The caller frees *out with nerva_scheduler_destroy. */
NERVA_API nerva_status nerva_scheduler_create_exponential(nerva_scheduler** out, double learning_rate, double decay);

/* Destroys a scheduler. NULL is allowed and does nothing. */
NERVA_API nerva_status nerva_scheduler_destroy(nerva_scheduler* scheduler);

/* Writes the learning rate eta_i of epoch i = epoch (>= 0). */
NERVA_API nerva_status nerva_scheduler_learning_rate(double* out, const nerva_scheduler* scheduler, int64_t epoch);

#ifdef __cplusplus
}
#endif

#endif
