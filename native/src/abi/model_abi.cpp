// Exports of nerva/model.h.
#include "abi/handles.h"
#include "core/model.h"
#include "nerva/model.h"

#include <memory>
#include <variant>

struct nerva_model : nerva::abi::Counted
{
    std::variant<nerva::MultilayerPerceptron<float>, nerva::MultilayerPerceptron<double>> value;
};

using nerva::Matrix;
using nerva::abi::guard;
using nerva::abi::matrix_as;
using nerva::abi::require_not_null;

namespace
{

// Copies an optimizer descriptor; an unknown kind is rejected when the model
// validates the settings.
nerva::OptimizerSettings to_optimizer_settings(const nerva_optimizer* optimizer)
{
    nerva::abi::require_not_null(optimizer, "optimizer");
    return {static_cast<nerva::OptimizerKind>(optimizer->kind), optimizer->momentum};
}

// Calls visitor with the model's typed MultilayerPerceptron<Scalar>.
template <typename Visitor>
decltype(auto) visit_model(nerva_model* model, Visitor&& visitor)
{
    require_not_null(model, "model");
    return std::visit([&](auto& typed) -> decltype(auto) { return visitor(typed); }, model->value);
}

template <typename Model>
struct ModelScalar;

template <typename Scalar>
struct ModelScalar<nerva::MultilayerPerceptron<Scalar>>
{
    using type = Scalar;
};

// The scalar type of a MultilayerPerceptron<Scalar> reference type.
template <typename Model>
using ScalarOf = typename ModelScalar<std::decay_t<Model>>::type;

nerva::LossKind loss_kind_of(int32_t loss_kind)
{
    switch (loss_kind)
    {
    case NERVA_LOSS_SQUARED_ERROR:
        return nerva::LossKind::SquaredError;
    case NERVA_LOSS_MEAN_SQUARED_ERROR:
        return nerva::LossKind::MeanSquaredError;
    case NERVA_LOSS_CROSS_ENTROPY:
        return nerva::LossKind::CrossEntropy;
    case NERVA_LOSS_SOFTMAX_CROSS_ENTROPY:
        return nerva::LossKind::SoftmaxCrossEntropy;
    case NERVA_LOSS_LOGISTIC_CROSS_ENTROPY:
        return nerva::LossKind::LogisticCrossEntropy;
    case NERVA_LOSS_NEGATIVE_LOG_LIKELIHOOD:
        return nerva::LossKind::NegativeLogLikelihood;
    }
    nerva::throw_invalid_argument("loss_kind", "loss_kind is ", loss_kind,
                                  " but must be a nerva_loss_kind value from 1 (NERVA_LOSS_SQUARED_ERROR) to 6 "
                                  "(NERVA_LOSS_NEGATIVE_LOG_LIKELIHOOD)");
}

} // namespace

extern "C" {

NERVA_API nerva_status nerva_model_create(nerva_model** out, nerva_scalar_type type)
{
    if (out)
    {
        *out = nullptr;
    }
    return guard(__func__, [&] {
        require_not_null(out, "out");
        const nerva_scalar_type checked_type = nerva::abi::checked_scalar_type(type, "type");
        auto handle = std::make_unique<nerva_model>();
        if (checked_type == NERVA_SCALAR_FLOAT64)
        {
            handle->value.emplace<nerva::MultilayerPerceptron<double>>();
        }
        *out = handle.release();
    });
}

NERVA_API nerva_status nerva_model_destroy(nerva_model* model)
{
    return guard(__func__, [&] { delete model; });
}

NERVA_API nerva_status nerva_model_add_layer(nerva_model* model, nerva_layer* layer)
{
    return guard(__func__, [&] {
        require_not_null(layer, "layer");
        visit_model(model, [&](auto& typed) {
            using Scalar = ScalarOf<decltype(typed)>;
            auto* shared = std::get_if<std::shared_ptr<nerva::Layer<Scalar>>>(&layer->value);
            if (shared == nullptr)
            {
                const nerva_scalar_type model_type = nerva::abi::scalar_type_of<Scalar>();
                const nerva_scalar_type layer_type =
                    model_type == NERVA_SCALAR_FLOAT32 ? NERVA_SCALAR_FLOAT64 : NERVA_SCALAR_FLOAT32;
                nerva::throw_invalid_argument("layer", "layer is ", nerva::abi::scalar_type_name(layer_type),
                                              " but the model is ", nerva::abi::scalar_type_name(model_type),
                                              "; create the layer with the model's scalar type");
            }
            typed.add_layer(*shared);
        });
    });
}

NERVA_API nerva_status nerva_model_layer_count(int64_t* out, const nerva_model* model)
{
    return guard(__func__, [&] {
        require_not_null(out, "out");
        visit_model(const_cast<nerva_model*>(model), [&](auto& typed) { *out = typed.layer_count(); });
    });
}

NERVA_API nerva_status nerva_model_scalar_type(nerva_scalar_type* out, const nerva_model* model)
{
    return guard(__func__, [&] {
        require_not_null(out, "out");
        require_not_null(model, "model");
        *out = model->value.index() == 0 ? NERVA_SCALAR_FLOAT32 : NERVA_SCALAR_FLOAT64;
    });
}

NERVA_API nerva_status nerva_model_set_loss(nerva_model* model, int32_t loss_kind)
{
    return guard(__func__, [&] {
        require_not_null(model, "model");
        const nerva::LossKind loss = loss_kind_of(loss_kind);
        visit_model(model, [&](auto& typed) { typed.set_loss(loss); });
    });
}

NERVA_API nerva_status nerva_model_set_optimizer(nerva_model* model, const nerva_optimizer* optimizer)
{
    return guard(__func__, [&] {
        require_not_null(model, "model");
        const nerva::OptimizerSettings settings = to_optimizer_settings(optimizer);
        visit_model(model, [&](auto& typed) { typed.set_optimizer(settings); });
    });
}

NERVA_API nerva_status nerva_model_set_layer_optimizer(nerva_model* model, int64_t layer_index,
                                                       const nerva_optimizer* optimizer)
{
    return guard(__func__, [&] {
        require_not_null(model, "model");
        const nerva::OptimizerSettings settings = to_optimizer_settings(optimizer);
        visit_model(model, [&](auto& typed) { typed.set_layer_optimizer(layer_index, settings); });
    });
}

NERVA_API nerva_status nerva_model_set_training(nerva_model* model, int32_t training)
{
    return guard(__func__, [&] {
        if (training != 0 && training != 1)
        {
            nerva::throw_invalid_argument("training", "training is ", training,
                                          " but must be 1 (training mode) or 0 (evaluation mode)");
        }
        visit_model(model, [&](auto& typed) { typed.set_training(training == 1); });
    });
}

NERVA_API nerva_status nerva_model_feedforward(nerva_matrix* out_Y, nerva_model* model, const nerva_matrix* X)
{
    return guard(__func__, [&] {
        visit_model(model, [&](auto& typed) {
            using Scalar = ScalarOf<decltype(typed)>;
            const Matrix<Scalar>& X_ = matrix_as<Scalar>(X, "X");
            Matrix<Scalar>& Y_ = matrix_as<Scalar>(out_Y, "out_Y");
            if (&X_ == &Y_)
            {
                nerva::throw_invalid_argument("out_Y", "out_Y must be a different matrix from X");
            }
            typed.feedforward(X_, Y_);
        });
    });
}

NERVA_API nerva_status nerva_model_train_batch(double* out_loss, nerva_model* model, const nerva_matrix* X,
                                               const nerva_matrix* T, double learning_rate)
{
    return guard(__func__, [&] {
        require_not_null(out_loss, "out_loss");
        visit_model(model, [&](auto& typed) {
            using Scalar = ScalarOf<decltype(typed)>;
            *out_loss = typed.train_batch(matrix_as<Scalar>(X, "X"), matrix_as<Scalar>(T, "T"), learning_rate);
        });
    });
}

NERVA_API nerva_status nerva_model_train_batch_rows(double* out_loss, nerva_model* model, const nerva_matrix* X_all,
                                                    const nerva_matrix* T_all, const int64_t* rows, int64_t row_count,
                                                    double learning_rate)
{
    return guard(__func__, [&] {
        require_not_null(out_loss, "out_loss");
        visit_model(model, [&](auto& typed) {
            using Scalar = ScalarOf<decltype(typed)>;
            *out_loss = typed.train_batch_rows(matrix_as<Scalar>(X_all, "X_all"), matrix_as<Scalar>(T_all, "T_all"),
                                               rows, row_count, learning_rate);
        });
    });
}

NERVA_API nerva_status nerva_model_evaluate(double* out_loss_sum, int64_t* out_correct, nerva_model* model,
                                            const nerva_matrix* X_all, const nerva_matrix* T_all, int64_t batch_size)
{
    return guard(__func__, [&] {
        require_not_null(out_loss_sum, "out_loss_sum");
        require_not_null(out_correct, "out_correct");
        visit_model(model, [&](auto& typed) {
            using Scalar = ScalarOf<decltype(typed)>;
            const nerva::Evaluation result =
                typed.evaluate(matrix_as<Scalar>(X_all, "X_all"), matrix_as<Scalar>(T_all, "T_all"), batch_size);
            *out_loss_sum = result.loss_sum;
            *out_correct = result.correct;
        });
    });
}

} // extern "C"
