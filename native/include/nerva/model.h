/* Nerva C ABI: multilayer perceptrons and their training step.
 *
 * A model is a chain of layers (row-wise layout: X is N x D, the targets T
 * are N x K, one example per row), a loss function and an optimizer. One
 * call trains one mini-batch:
 *   feedforward   Y = layer_L(... layer_1(X))
 *   loss          L = loss(Y, T), summed over the N examples
 *   gradient      DY = grad_Y(L) / N, the gradient of the mean loss
 *   backpropagate through every layer (the first layer's DX is not computed)
 *   update        every trainable parameter with the optimizer and the
 *                 learning rate of the call
 * The model keeps its buffers between calls, so training batches of one
 * size does not allocate memory except for the loss gradient.
 *
 * Reproducibility: the same layers, initial weights, seeds, batches and
 * thread count give bit-identical weights after training. A different
 * thread count can change the last bits of the results.
 */
#ifndef NERVA_MODEL_H
#define NERVA_MODEL_H

#include "nerva/common.h"
#include "nerva/layer.h"
#include "nerva/loss.h"
#include "nerva/matrix.h"
#include "nerva/optimizer.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A multilayer perceptron owned by the library. */
typedef struct nerva_model nerva_model;

/* Creates an empty model of the given scalar type, in training mode, with
 * no loss function and no optimizer. The caller frees *out with
 * nerva_model_destroy. */
NERVA_API nerva_status nerva_model_create(nerva_model** out, nerva_scalar_type type);

/* Destroys a model. NULL is allowed and does nothing. The layers stay valid
 * for callers that still hold their handles. */
NERVA_API nerva_status nerva_model_destroy(nerva_model* model);

/* Appends a layer. The model shares the layer: the caller may destroy its
 * handle afterwards, and changes through the handle (parameters, mode) are
 * seen by the model. The layer's scalar type must be the model's, its input
 * size D must equal the output size K of the previous layer, and a layer can
 * be added only once. Adding a layer resets the optimizer state to zero. */
NERVA_API nerva_status nerva_model_add_layer(nerva_model* model, nerva_layer* layer);

/* Writes the number of layers. */
NERVA_API nerva_status nerva_model_layer_count(int64_t* out, const nerva_model* model);

/* Writes the scalar type. */
NERVA_API nerva_status nerva_model_scalar_type(nerva_scalar_type* out, const nerva_model* model);

/* Selects the loss function: loss_kind is a nerva_loss_kind value (see
 * nerva/loss.h). It is an int32_t so that any value a caller passes can be
 * checked and rejected. */
NERVA_API nerva_status nerva_model_set_loss(nerva_model* model, int32_t loss_kind);

/* Selects the optimizer of every trainable parameter (the descriptor is
 * copied) and resets its state Delta to zero. */
NERVA_API nerva_status nerva_model_set_optimizer(nerva_model* model, const nerva_optimizer* optimizer);

/* Selects the optimizer of the layer at layer_index (0-based) in place of
 * the one of nerva_model_set_optimizer (the descriptor is copied), and
 * resets the state Delta of every parameter to zero. The model-wide
 * optimizer must still be set before training. */
NERVA_API nerva_status nerva_model_set_layer_optimizer(nerva_model* model, int64_t layer_index,
                                                       const nerva_optimizer* optimizer);

/* Selects training (1) or evaluation (0) mode for every layer, which
 * matters for batch normalization and dropout. nerva_model_feedforward runs
 * in this mode; training calls switch the model to training mode. */
NERVA_API nerva_status nerva_model_set_training(nerva_model* model, int32_t training);

/* Computes Y (N x K) from X (N x D) in the current mode. out_Y is resized
 * to N x K. */
NERVA_API nerva_status nerva_model_feedforward(nerva_matrix* out_Y, nerva_model* model, const nerva_matrix* X);

/* Trains one mini-batch X (N x D) with targets T (N x K) in training mode,
 * with learning_rate eta (finite, >= 0). out_loss receives the loss summed
 * over the batch; divide by N for the mean. The model must have layers, a
 * loss function and an optimizer (NERVA_STATUS_INVALID_OPERATION
 * otherwise). */
NERVA_API nerva_status nerva_model_train_batch(double* out_loss, nerva_model* model, const nerva_matrix* X,
                                               const nerva_matrix* T, double learning_rate);

/* Trains one mini-batch made of rows of a data set, without copying the
 * data set: X = X_all[rows] and T = T_all[rows], where X_all is M x D,
 * T_all is M x K and rows contains row_count (>= 1) indices in [0, M), in
 * batch order; repeated indices are allowed. Otherwise the same as
 * nerva_model_train_batch, and bit-identical to it on the gathered rows. */
NERVA_API nerva_status nerva_model_train_batch_rows(double* out_loss, nerva_model* model, const nerva_matrix* X_all,
                                                    const nerva_matrix* T_all, const int64_t* rows, int64_t row_count,
                                                    double learning_rate);

/* Evaluates a data set X_all (M x D) with targets T_all (M x K) in
 * evaluation mode, in consecutive batches of batch_size (>= 1) rows, the
 * last one possibly smaller, then restores the previous mode.
 * out_loss_sum receives the loss summed over all M examples and
 * out_correct the number of examples whose index of the largest value in
 * the Y row equals that of the T row (the first one on a tie). */
NERVA_API nerva_status nerva_model_evaluate(double* out_loss_sum, int64_t* out_correct, nerva_model* model,
                                            const nerva_matrix* X_all, const nerva_matrix* T_all, int64_t batch_size);

#ifdef __cplusplus
}
#endif

#endif
