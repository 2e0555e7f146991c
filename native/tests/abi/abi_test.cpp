// Tests of the C ABI through the shared library: argument validation,
// error messages and handle lifetimes.
#include <cstring>
#include <gtest/gtest.h>
#include <string>
#include <vector>

#include "nerva/nerva.h"

namespace
{

std::string last_message()
{
    return nerva_last_error_message();
}

int64_t live_objects()
{
    int64_t count = -1;
    EXPECT_EQ(nerva_library_count_objects(&count), NERVA_STATUS_OK);
    return count;
}

} // namespace

TEST(Abi, VersionMatchesHeader)
{
    EXPECT_EQ(nerva_abi_version(), NERVA_ABI_VERSION);
}

TEST(Abi, MatrixRoundTripsRowMajorData)
{
    nerva_matrix* A = nullptr;
    ASSERT_EQ(nerva_matrix_create(&A, NERVA_SCALAR_FLOAT64, 2, 3), NERVA_STATUS_OK);
    const std::vector<double> data{1, 2, 3, 4, 5, 6};
    ASSERT_EQ(nerva_matrix_write(A, data.data(), 6, NERVA_SCALAR_FLOAT64), NERVA_STATUS_OK);
    std::vector<double> copy(6);
    ASSERT_EQ(nerva_matrix_read(copy.data(), 6, NERVA_SCALAR_FLOAT64, A), NERVA_STATUS_OK);
    EXPECT_EQ(copy, data);
    int64_t rows = 0, cols = 0;
    ASSERT_EQ(nerva_matrix_shape(&rows, &cols, A), NERVA_STATUS_OK);
    EXPECT_EQ(rows, 2);
    EXPECT_EQ(cols, 3);
    EXPECT_EQ(nerva_matrix_destroy(A), NERVA_STATUS_OK);
}

TEST(Abi, InvalidArgumentsReturnStatusAndMessage)
{
    nerva_matrix* A = reinterpret_cast<nerva_matrix*>(0x1);
    EXPECT_EQ(nerva_matrix_create(&A, NERVA_SCALAR_FLOAT32, 0, 3), NERVA_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(A, nullptr);
    EXPECT_NE(last_message().find("nerva_matrix_create"), std::string::npos);
    EXPECT_NE(last_message().find("rows must be >= 1, got 0"), std::string::npos);
    EXPECT_STREQ(nerva_last_error_argument(), "rows");

    EXPECT_EQ(nerva_matrix_create(nullptr, NERVA_SCALAR_FLOAT32, 1, 1), NERVA_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(nerva_matrix_create(&A, static_cast<nerva_scalar_type>(7), 1, 1), NERVA_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(nerva_matrix_create(&A, NERVA_SCALAR_FLOAT32, INT64_MAX / 2, INT64_MAX / 2),
              NERVA_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(nerva_matrix_shape(nullptr, nullptr, nullptr), NERVA_STATUS_INVALID_ARGUMENT);
}

TEST(Abi, SuccessClearsLastError)
{
    nerva_matrix* A = nullptr;
    EXPECT_EQ(nerva_matrix_create(&A, NERVA_SCALAR_FLOAT32, -1, 3), NERVA_STATUS_INVALID_ARGUMENT);
    ASSERT_EQ(nerva_matrix_create(&A, NERVA_SCALAR_FLOAT32, 1, 3), NERVA_STATUS_OK);
    EXPECT_EQ(last_message(), "");
    nerva_matrix_destroy(A);
}

TEST(Abi, BufferCountAndTypeAreChecked)
{
    nerva_matrix* A = nullptr;
    ASSERT_EQ(nerva_matrix_create(&A, NERVA_SCALAR_FLOAT32, 2, 2), NERVA_STATUS_OK);
    float small[3] = {};
    EXPECT_EQ(nerva_matrix_write(A, small, 3, NERVA_SCALAR_FLOAT32), NERVA_STATUS_INVALID_ARGUMENT);
    EXPECT_NE(last_message().find("count is 3"), std::string::npos);
    double wide[4] = {};
    EXPECT_EQ(nerva_matrix_write(A, wide, 4, NERVA_SCALAR_FLOAT64), NERVA_STATUS_INVALID_ARGUMENT);
    EXPECT_NE(last_message().find("float32"), std::string::npos);
    EXPECT_EQ(nerva_matrix_write(A, nullptr, 4, NERVA_SCALAR_FLOAT32), NERVA_STATUS_INVALID_ARGUMENT);
    nerva_matrix_destroy(A);
}

TEST(Abi, DestroyAcceptsNull)
{
    EXPECT_EQ(nerva_matrix_destroy(nullptr), NERVA_STATUS_OK);
    EXPECT_EQ(nerva_layer_destroy(nullptr), NERVA_STATUS_OK);
}

TEST(Abi, LinearLayerShapeMismatchNamesBothShapes)
{
    const int64_t before = live_objects();
    nerva_layer* layer = nullptr;
    ASSERT_EQ(nerva_layer_create_linear(&layer, NERVA_SCALAR_FLOAT32, 4, 3), NERVA_STATUS_OK);
    nerva_matrix* X = nullptr;
    nerva_matrix* Y = nullptr;
    ASSERT_EQ(nerva_matrix_create(&X, NERVA_SCALAR_FLOAT32, 2, 5), NERVA_STATUS_OK);
    ASSERT_EQ(nerva_matrix_create(&Y, NERVA_SCALAR_FLOAT32, 1, 1), NERVA_STATUS_OK);
    EXPECT_EQ(live_objects(), before + 3);

    EXPECT_EQ(nerva_layer_feedforward(Y, layer, X), NERVA_STATUS_SHAPE_MISMATCH);
    EXPECT_NE(last_message().find("2x5"), std::string::npos) << last_message();
    EXPECT_NE(last_message().find("N x 4"), std::string::npos) << last_message();
    EXPECT_STREQ(nerva_last_error_argument(), "X");

    nerva_matrix_destroy(X);
    nerva_matrix_destroy(Y);
    nerva_layer_destroy(layer);
    EXPECT_EQ(live_objects(), before);
}

TEST(Abi, LayerRejectsMatrixOfOtherScalarType)
{
    nerva_layer* layer = nullptr;
    ASSERT_EQ(nerva_layer_create_linear(&layer, NERVA_SCALAR_FLOAT64, 2, 2), NERVA_STATUS_OK);
    nerva_matrix* X = nullptr;
    nerva_matrix* Y = nullptr;
    ASSERT_EQ(nerva_matrix_create(&X, NERVA_SCALAR_FLOAT32, 1, 2), NERVA_STATUS_OK);
    ASSERT_EQ(nerva_matrix_create(&Y, NERVA_SCALAR_FLOAT64, 1, 2), NERVA_STATUS_OK);
    EXPECT_EQ(nerva_layer_feedforward(Y, layer, X), NERVA_STATUS_INVALID_ARGUMENT);
    EXPECT_NE(last_message().find("X is float32 but float64 is required"), std::string::npos) << last_message();
    EXPECT_EQ(nerva_layer_feedforward(Y, nullptr, X), NERVA_STATUS_INVALID_ARGUMENT);
    EXPECT_EQ(nerva_layer_feedforward(nullptr, layer, X), NERVA_STATUS_INVALID_ARGUMENT);
    nerva_matrix_destroy(X);
    nerva_matrix_destroy(Y);
    nerva_layer_destroy(layer);
}

TEST(Abi, LayerParametersAreNamedAndChecked)
{
    nerva_layer* layer = nullptr;
    ASSERT_EQ(nerva_layer_create_linear(&layer, NERVA_SCALAR_FLOAT64, 3, 2), NERVA_STATUS_OK);
    int32_t count = 0;
    ASSERT_EQ(nerva_layer_parameter_count(&count, layer), NERVA_STATUS_OK);
    ASSERT_EQ(count, 4);
    std::vector<std::string> names;
    for (int32_t i = 0; i < count; ++i)
    {
        const char* name = nullptr;
        ASSERT_EQ(nerva_layer_parameter_name(&name, layer, i), NERVA_STATUS_OK);
        names.emplace_back(name);
    }
    EXPECT_EQ(names, (std::vector<std::string>{"W", "DW", "b", "Db"}));
    int64_t rows = 0, cols = 0;
    ASSERT_EQ(nerva_layer_parameter_shape(&rows, &cols, layer, "W"), NERVA_STATUS_OK);
    EXPECT_EQ(rows, 2);
    EXPECT_EQ(cols, 3);
    EXPECT_EQ(nerva_layer_parameter_shape(&rows, &cols, layer, "V"), NERVA_STATUS_INVALID_ARGUMENT);
    EXPECT_NE(last_message().find("'V'"), std::string::npos);
    EXPECT_NE(last_message().find("W, DW, b, Db"), std::string::npos) << last_message();
    const char* name = nullptr;
    EXPECT_EQ(nerva_layer_parameter_name(&name, layer, 4), NERVA_STATUS_INVALID_ARGUMENT);
    nerva_layer_destroy(layer);
}

TEST(Abi, ThreadCountCanBeSetAndRead)
{
    int32_t original = 0;
    ASSERT_EQ(nerva_threads_get(&original), NERVA_STATUS_OK);
    EXPECT_GE(original, 1);
    ASSERT_EQ(nerva_threads_set(1), NERVA_STATUS_OK);
    int32_t now = 0;
    ASSERT_EQ(nerva_threads_get(&now), NERVA_STATUS_OK);
    EXPECT_EQ(now, 1);
    EXPECT_EQ(nerva_threads_set(0), NERVA_STATUS_INVALID_ARGUMENT);
    ASSERT_EQ(nerva_threads_set(original), NERVA_STATUS_OK);
}
