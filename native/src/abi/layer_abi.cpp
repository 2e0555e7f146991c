// Exports of nerva/layer.h.
#include <cstring>

#include "abi/handles.h"
#include "core/layers/linear_layer.h"
#include "nerva/layer.h"

using nerva::Layer;
using nerva::Matrix;
using nerva::abi::guard;
using nerva::abi::matrix_as;
using nerva::abi::require_not_null;
using nerva::abi::visit_layer;

extern "C" {

NERVA_API nerva_status nerva_layer_create_linear(nerva_layer** out, nerva_scalar_type type, int64_t input_size,
                                                 int64_t output_size)
{
    if (out)
    {
        *out = nullptr;
    }
    return guard(__func__, [&] {
        nerva::abi::create_layer_handle(
            out, type, input_size, output_size, [&](auto zero) -> std::unique_ptr<Layer<decltype(zero)>> {
                return std::make_unique<nerva::LinearLayer<decltype(zero)>>(input_size, output_size);
            });
    });
}

NERVA_API nerva_status nerva_layer_destroy(nerva_layer* layer)
{
    return guard(__func__, [&] { delete layer; });
}

NERVA_API nerva_status nerva_layer_sizes(int64_t* out_input_size, int64_t* out_output_size, const nerva_layer* layer)
{
    return guard(__func__, [&] {
        require_not_null(out_input_size, "out_input_size");
        require_not_null(out_output_size, "out_output_size");
        visit_layer(const_cast<nerva_layer*>(layer), [&](auto& typed) {
            *out_input_size = typed.input_size();
            *out_output_size = typed.output_size();
        });
    });
}

NERVA_API nerva_status nerva_layer_scalar_type(nerva_scalar_type* out, const nerva_layer* layer)
{
    return guard(__func__, [&] {
        require_not_null(out, "out");
        require_not_null(layer, "layer");
        *out = layer->value.index() == 0 ? NERVA_SCALAR_FLOAT32 : NERVA_SCALAR_FLOAT64;
    });
}

NERVA_API nerva_status nerva_layer_feedforward(nerva_matrix* out_Y, nerva_layer* layer, const nerva_matrix* X)
{
    return guard(__func__, [&] {
        visit_layer(layer, [&](auto& typed) {
            using T = typename std::decay_t<decltype(typed)>::Scalar;
            const Matrix<T>& X_ = matrix_as<T>(X, "X");
            Matrix<T>& Y_ = matrix_as<T>(out_Y, "out_Y");
            if (&X_ == &Y_)
            {
                nerva::throw_invalid_argument("out_Y", "out_Y must be a different matrix from X");
            }
            typed.feedforward(X_, Y_);
        });
    });
}

NERVA_API nerva_status nerva_layer_backpropagate(nerva_matrix* out_DX, nerva_layer* layer, const nerva_matrix* X,
                                                 const nerva_matrix* Y, const nerva_matrix* DY)
{
    return guard(__func__, [&] {
        visit_layer(layer, [&](auto& typed) {
            using T = typename std::decay_t<decltype(typed)>::Scalar;
            const Matrix<T>& X_ = matrix_as<T>(X, "X");
            const Matrix<T>& Y_ = matrix_as<T>(Y, "Y");
            const Matrix<T>& DY_ = matrix_as<T>(DY, "DY");
            if (Y_.rows() != X_.rows() || Y_.cols() != typed.output_size())
            {
                nerva::throw_shape_mismatch("Y", "Y has shape ", nerva::shape_of(Y_), " but ", X_.rows(), "x",
                                            typed.output_size(), " is required (N x K)");
            }
            Matrix<T>* DX_ = out_DX ? &matrix_as<T>(out_DX, "out_DX") : nullptr;
            if (DX_ && (DX_ == &X_ || DX_ == &Y_ || DX_ == &DY_))
            {
                nerva::throw_invalid_argument("out_DX", "out_DX must be a different matrix from X, Y and DY");
            }
            typed.backpropagate(X_, Y_, DY_, DX_);
        });
    });
}

NERVA_API nerva_status nerva_layer_parameter_count(int32_t* out, const nerva_layer* layer)
{
    return guard(__func__, [&] {
        require_not_null(out, "out");
        require_not_null(layer, "layer");
        *out = static_cast<int32_t>(layer->names.size());
    });
}

NERVA_API nerva_status nerva_layer_parameter_name(const char** out, const nerva_layer* layer, int32_t index)
{
    return guard(__func__, [&] {
        require_not_null(out, "out");
        require_not_null(layer, "layer");
        if (index < 0 || static_cast<size_t>(index) >= layer->names.size())
        {
            nerva::throw_invalid_argument("index", "index is ", index, " but the layer has ", layer->names.size(),
                                          " parameters");
        }
        *out = layer->names[static_cast<size_t>(index)].c_str();
    });
}

NERVA_API nerva_status nerva_layer_parameter_shape(int64_t* out_rows, int64_t* out_cols, const nerva_layer* layer,
                                                   const char* name)
{
    return guard(__func__, [&] {
        require_not_null(out_rows, "out_rows");
        require_not_null(out_cols, "out_cols");
        visit_layer(const_cast<nerva_layer*>(layer), [&](auto& typed) {
            const auto& A = nerva::abi::find_parameter(typed, name);
            *out_rows = A.rows();
            *out_cols = A.cols();
        });
    });
}

NERVA_API nerva_status nerva_layer_parameter_read(void* out_data, int64_t count, nerva_scalar_type data_type,
                                                  const nerva_layer* layer, const char* name)
{
    return guard(__func__, [&] {
        visit_layer(const_cast<nerva_layer*>(layer), [&](auto& typed) {
            const auto& A = nerva::abi::find_parameter(typed, name);
            nerva::abi::check_buffer(out_data, count, data_type, A, "out_data");
            std::memcpy(out_data, A.data(), sizeof(A(0, 0)) * static_cast<size_t>(count));
        });
    });
}

NERVA_API nerva_status nerva_layer_parameter_write(nerva_layer* layer, const char* name, const void* data,
                                                   int64_t count, nerva_scalar_type data_type)
{
    return guard(__func__, [&] {
        visit_layer(layer, [&](auto& typed) {
            auto& A = nerva::abi::find_parameter(typed, name);
            nerva::abi::check_buffer(data, count, data_type, A, "data");
            std::memcpy(A.data(), data, sizeof(A(0, 0)) * static_cast<size_t>(count));
        });
    });
}

} // extern "C"
