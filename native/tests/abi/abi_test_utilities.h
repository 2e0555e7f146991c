// Helpers of the C ABI tests: matrices made from and read into vectors, and
// checks of the last error.
#ifndef NERVA_TESTS_ABI_TEST_UTILITIES_H
#define NERVA_TESTS_ABI_TEST_UTILITIES_H

#include <gtest/gtest.h>
#include <memory>
#include <string>
#include <vector>

#include "nerva/nerva.h"

namespace nerva::abi_testing
{

struct MatrixDeleter
{
    void operator()(nerva_matrix* matrix) const { nerva_matrix_destroy(matrix); }
};

struct LayerDeleter
{
    void operator()(nerva_layer* layer) const { nerva_layer_destroy(layer); }
};

using MatrixHandle = std::unique_ptr<nerva_matrix, MatrixDeleter>;
using LayerHandle = std::unique_ptr<nerva_layer, LayerDeleter>;

template <typename T>
constexpr nerva_scalar_type scalar_type()
{
    return sizeof(T) == 4 ? NERVA_SCALAR_FLOAT32 : NERVA_SCALAR_FLOAT64;
}

// A rows x cols matrix holding values in row-major order.
template <typename T>
MatrixHandle make_matrix(int64_t rows, int64_t cols, const std::vector<T>& values)
{
    nerva_matrix* matrix = nullptr;
    EXPECT_EQ(nerva_matrix_create(&matrix, scalar_type<T>(), rows, cols), NERVA_STATUS_OK);
    EXPECT_EQ(nerva_matrix_write(matrix, values.data(), static_cast<int64_t>(values.size()), scalar_type<T>()),
              NERVA_STATUS_OK)
        << nerva_last_error_message();
    return MatrixHandle(matrix);
}

// A 1 x 1 matrix of scalar type T, to receive results.
template <typename T>
MatrixHandle make_output()
{
    return make_matrix<T>(1, 1, {T(0)});
}

// The values of a matrix in row-major order.
template <typename T>
std::vector<T> read_matrix(const nerva_matrix* matrix)
{
    int64_t rows = 0, cols = 0;
    EXPECT_EQ(nerva_matrix_shape(&rows, &cols, matrix), NERVA_STATUS_OK);
    std::vector<T> values(static_cast<size_t>(rows * cols));
    EXPECT_EQ(nerva_matrix_read(values.data(), rows * cols, scalar_type<T>(), matrix), NERVA_STATUS_OK)
        << nerva_last_error_message();
    return values;
}

inline std::vector<int64_t> shape_of(const nerva_matrix* matrix)
{
    int64_t rows = 0, cols = 0;
    EXPECT_EQ(nerva_matrix_shape(&rows, &cols, matrix), NERVA_STATUS_OK);
    return {rows, cols};
}

// Checks that the last call failed with a message that contains text and
// names argument.
inline void expect_last_error(const std::string& text, const std::string& argument)
{
    const std::string message = nerva_last_error_message();
    EXPECT_NE(message.find(text), std::string::npos) << "message: " << message;
    EXPECT_EQ(std::string(nerva_last_error_argument()), argument) << "message: " << message;
}

inline nerva_activation make_activation(nerva_activation_kind kind, double alpha = 0)
{
    nerva_activation activation{};
    activation.kind = kind;
    activation.alpha = alpha;
    activation.tr = 1;
    return activation;
}

} // namespace nerva::abi_testing

#endif
