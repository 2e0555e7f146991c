// The opaque handle types of the C ABI and the typed access to them.
#ifndef NERVA_ABI_HANDLES_H
#define NERVA_ABI_HANDLES_H

#include <memory>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "abi/boundary.h"
#include "core/layers/layer.h"
#include "core/matrix.h"
#include "nerva/common.h"

struct nerva_matrix : nerva::abi::Counted
{
    std::variant<nerva::Matrix<float>, nerva::Matrix<double>> value;
};

struct nerva_layer : nerva::abi::Counted
{
    // Shared, so that a model that contains the layer keeps it alive after the
    // caller destroys the layer handle.
    std::variant<std::shared_ptr<nerva::Layer<float>>, std::shared_ptr<nerva::Layer<double>>> value;

    // Parameter and gradient names, kept here so that nerva_layer_parameter_name
    // can hand out pointers that live as long as the layer.
    std::vector<std::string> names;
};

namespace nerva::abi
{

template <typename T>
constexpr nerva_scalar_type scalar_type_of()
{
    return std::is_same_v<T, float> ? NERVA_SCALAR_FLOAT32 : NERVA_SCALAR_FLOAT64;
}

nerva_scalar_type scalar_type_of(const nerva_matrix& matrix) noexcept;

// Returns the matrix as Matrix<T>, or throws InvalidArgument naming the
// argument when its scalar type differs.
template <typename T>
Matrix<T>& matrix_as(nerva_matrix* matrix, const char* name)
{
    require_not_null(matrix, name);
    if (auto* typed = std::get_if<Matrix<T>>(&matrix->value))
    {
        return *typed;
    }
    throw_invalid_argument(name, name, " is ", scalar_type_name(scalar_type_of(*matrix)), " but ",
                           scalar_type_name(scalar_type_of<T>()), " is required");
}

template <typename T>
const Matrix<T>& matrix_as(const nerva_matrix* matrix, const char* name)
{
    return matrix_as<T>(const_cast<nerva_matrix*>(matrix), name);
}

// Copies between a caller buffer and a matrix after checking the count and
// the scalar type.
template <typename T>
void check_buffer(const void* data, int64_t count, const nerva_scalar_type& data_type, const Matrix<T>& A,
                  const char* name)
{
    require_not_null(data, name);
    if (checked_scalar_type(data_type, "data_type") != scalar_type_of<T>())
    {
        throw_invalid_argument("data_type", "data_type is ", scalar_type_name(data_type), " but the ", name,
                               " buffer must be ", scalar_type_name(scalar_type_of<T>()));
    }
    if (count != static_cast<int64_t>(A.size()))
    {
        throw_invalid_argument("count", "count is ", count, " but the ", name, " buffer must hold ", A.rows(), "x",
                               A.cols(), " = ", A.size(), " elements");
    }
}

// Calls visitor with the layer's typed Layer<T>.
template <typename Visitor>
decltype(auto) visit_layer(nerva_layer* layer, Visitor&& visitor)
{
    require_not_null(layer, "layer");
    return std::visit([&](auto& typed) -> decltype(auto) { return visitor(*typed); }, layer->value);
}

// Wraps a new layer in a handle and records its parameter names.
template <typename T>
nerva_layer* make_layer_handle(std::unique_ptr<Layer<T>> layer)
{
    auto handle = std::make_unique<nerva_layer>();
    for (const auto& parameter : layer->parameters())
    {
        handle->names.push_back(parameter.name);
        if (parameter.gradient)
        {
            handle->names.push_back("D" + parameter.name);
        }
    }
    handle->value = std::shared_ptr<Layer<T>>(std::move(layer));
    return handle.release();
}

// Checks out, type and the layer sizes, then stores the layer that
// factory(T()) makes for scalar type T in *out.
template <typename Factory>
void create_layer_handle(nerva_layer** out, const nerva_scalar_type& type, int64_t input_size, int64_t output_size,
                         Factory&& factory)
{
    require_not_null(out, "out");
    const nerva_scalar_type checked_type = checked_scalar_type(type, "type");
    require_dimension(input_size, "input_size");
    require_dimension(output_size, "output_size");
    if (checked_type == NERVA_SCALAR_FLOAT32)
    {
        *out = make_layer_handle<float>(factory(float()));
    }
    else
    {
        *out = make_layer_handle<double>(factory(double()));
    }
}

// Finds the named parameter or gradient of a layer.
template <typename T>
Matrix<T>& find_parameter(Layer<T>& layer, const char* name)
{
    require_not_null(name, "name");
    std::string known;
    for (const auto& parameter : layer.parameters())
    {
        if (parameter.name == name)
        {
            return *parameter.value;
        }
        if (parameter.gradient && "D" + parameter.name == name)
        {
            return *parameter.gradient;
        }
        known += (known.empty() ? "" : ", ") + parameter.name + (parameter.gradient ? ", D" + parameter.name : "");
    }
    throw_invalid_argument("name", "the layer has no parameter named '", name, "'; its parameters are ", known);
}

} // namespace nerva::abi

#endif
