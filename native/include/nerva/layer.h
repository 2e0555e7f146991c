/* Nerva C ABI: layers of a multilayer perceptron (row-wise layout).
 *
 * A layer maps an input batch X (N x D, one example per row) to an output
 * batch Y (N x K). It owns its trainable parameters and their gradients,
 * which are read and written by name:
 *   linear layer: "W" (K x D), "b" (1 x K), "DW", "Db".
 */
#ifndef NERVA_LAYER_H
#define NERVA_LAYER_H

#include "nerva/common.h"
#include "nerva/matrix.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A layer owned by the library. */
typedef struct nerva_layer nerva_layer;

/* Creates a linear layer Y = X W^T + 1_N b with input_size D and
 * output_size K (both >= 1). W and b start as zeros. The caller frees *out
 * with nerva_layer_destroy. */
NERVA_API nerva_status nerva_layer_create_linear(nerva_layer** out, nerva_scalar_type type, int64_t input_size,
                                                 int64_t output_size);

/* Destroys a layer. NULL is allowed and does nothing. */
NERVA_API nerva_status nerva_layer_destroy(nerva_layer* layer);

/* Writes the input size D and output size K. */
NERVA_API nerva_status nerva_layer_sizes(int64_t* out_input_size, int64_t* out_output_size, const nerva_layer* layer);

/* Writes the scalar type. */
NERVA_API nerva_status nerva_layer_scalar_type(nerva_scalar_type* out, const nerva_layer* layer);

/* Computes Y from X (N x D). out_Y is resized to N x K. The layer keeps
 * what its backpropagation needs (for example Z) until the next call. */
NERVA_API nerva_status nerva_layer_feedforward(nerva_matrix* out_Y, nerva_layer* layer, const nerva_matrix* X);

/* Computes the parameter gradients from X, Y and DY of the last feedforward
 * and stores them in the layer. When out_DX is not NULL it is resized to
 * N x D and receives DX; pass NULL for the first layer of a network. */
NERVA_API nerva_status nerva_layer_backpropagate(nerva_matrix* out_DX, nerva_layer* layer, const nerva_matrix* X,
                                                 const nerva_matrix* Y, const nerva_matrix* DY);

/* Writes the number of named parameters and gradients of the layer. */
NERVA_API nerva_status nerva_layer_parameter_count(int32_t* out, const nerva_layer* layer);

/* Writes the name of parameter index (0 <= index < count). The layer owns
 * the string; it lives as long as the layer. */
NERVA_API nerva_status nerva_layer_parameter_name(const char** out, const nerva_layer* layer, int32_t index);

/* Writes the shape of the named parameter or gradient. */
NERVA_API nerva_status nerva_layer_parameter_shape(int64_t* out_rows, int64_t* out_cols, const nerva_layer* layer,
                                                   const char* name);

/* Copies the named parameter or gradient into a caller buffer (row-major,
 * count = rows * cols, data_type = the layer's scalar type). */
NERVA_API nerva_status nerva_layer_parameter_read(void* out_data, int64_t count, nerva_scalar_type data_type,
                                                  const nerva_layer* layer, const char* name);

/* Copies a caller buffer into the named parameter or gradient (row-major,
 * count = rows * cols, data_type = the layer's scalar type). */
NERVA_API nerva_status nerva_layer_parameter_write(nerva_layer* layer, const char* name, const void* data,
                                                   int64_t count, nerva_scalar_type data_type);

#ifdef __cplusplus
}
#endif

#endif
