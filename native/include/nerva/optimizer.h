/* Nerva C ABI: optimizers.
 *
 * An optimizer updates every trainable parameter theta of a model (W, b,
 * gamma, beta and the SReLU parameters al, tl, ar, tr) from its gradient
 * Dtheta with the learning rate eta of the training step. The forms are those of Keras:
 *   gradient descent: theta' = theta - eta Dtheta
 *   momentum:         Delta' = mu Delta - eta Dtheta,  theta' = theta + Delta'
 *   Nesterov:         Delta' = mu Delta - eta Dtheta,  theta' = theta + mu Delta' - eta Dtheta
 * where Delta has the shape of theta and starts at zero. Non-trainable state, such
 * as batch normalization's running statistics, is not updated.
 */
#ifndef NERVA_OPTIMIZER_H
#define NERVA_OPTIMIZER_H

#include "nerva/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The optimizer's update rule. */
typedef enum nerva_optimizer_kind
{
    NERVA_OPTIMIZER_GRADIENT_DESCENT = 1,
    NERVA_OPTIMIZER_MOMENTUM = 2,
    NERVA_OPTIMIZER_NESTEROV = 3
} nerva_optimizer_kind;

/* An optimizer: a nerva_optimizer_kind and its momentum mu, which must be in
 * the open interval (0, 1) for MOMENTUM and NESTEROV and is ignored by
 * GRADIENT_DESCENT. */
typedef struct nerva_optimizer
{
    int32_t kind;
    double momentum;
} nerva_optimizer;

#ifdef __cplusplus
}
#endif

#endif
