// Exports of nerva/layer_kinds.h.
#include <cmath>

#include "abi/conversions.h"
#include "core/layers/activation_layer.h"
#include "core/layers/batch_normalization_layer.h"
#include "core/layers/dropout_layers.h"
#include "core/layers/softmax_layer.h"
#include "core/layers/srelu_layer.h"
#include "nerva/layer_kinds.h"

using nerva::Layer;
using nerva::abi::guard;
using nerva::abi::require_not_null;

namespace
{

void require_drop_rate(double drop_rate)
{
    if (!(drop_rate >= 0 && drop_rate < 1))
    {
        nerva::throw_invalid_argument("drop_rate", "drop_rate is ", drop_rate,
                                      " but must be in [0, 1); it is the probability that a weight is dropped");
    }
}

void require_flag(int32_t value, const char* name)
{
    if (value != 0 && value != 1)
    {
        nerva::throw_invalid_argument(name, name, " is ", value, " but must be 0 or 1");
    }
}

} // namespace

extern "C" {

NERVA_API nerva_status nerva_layer_create_activation(nerva_layer** out, nerva_scalar_type type, int64_t input_size,
                                                     int64_t output_size, const nerva_activation* activation)
{
    if (out)
    {
        *out = nullptr;
    }
    return guard(__func__, [&] {
        const nerva::Activation act = nerva::abi::to_activation(activation);
        nerva::abi::create_layer_handle(
            out, type, input_size, output_size, [&](auto zero) -> std::unique_ptr<Layer<decltype(zero)>> {
                using T = decltype(zero);
                if (act.kind == nerva::ActivationKind::SReLU)
                {
                    return std::make_unique<nerva::SReLULayer<T>>(input_size, output_size, act);
                }
                return std::make_unique<nerva::ActivationLayer<T>>(input_size, output_size, act);
            });
    });
}

NERVA_API nerva_status nerva_layer_create_softmax(nerva_layer** out, nerva_scalar_type type, int64_t input_size,
                                                  int64_t output_size)
{
    if (out)
    {
        *out = nullptr;
    }
    return guard(__func__, [&] {
        nerva::abi::create_layer_handle(
            out, type, input_size, output_size, [&](auto zero) -> std::unique_ptr<Layer<decltype(zero)>> {
                return std::make_unique<nerva::SoftmaxLayer<decltype(zero)>>(input_size, output_size);
            });
    });
}

NERVA_API nerva_status nerva_layer_create_log_softmax(nerva_layer** out, nerva_scalar_type type, int64_t input_size,
                                                      int64_t output_size)
{
    if (out)
    {
        *out = nullptr;
    }
    return guard(__func__, [&] {
        nerva::abi::create_layer_handle(
            out, type, input_size, output_size, [&](auto zero) -> std::unique_ptr<Layer<decltype(zero)>> {
                return std::make_unique<nerva::LogSoftmaxLayer<decltype(zero)>>(input_size, output_size);
            });
    });
}

NERVA_API nerva_status nerva_layer_create_batch_normalization(nerva_layer** out, nerva_scalar_type type, int64_t size,
                                                              double epsilon, double momentum)
{
    if (out)
    {
        *out = nullptr;
    }
    return guard(__func__, [&] {
        nerva::abi::require_dimension(size, "size");
        nerva::abi::create_layer_handle(
            out, type, size, size, [&](auto zero) -> std::unique_ptr<Layer<decltype(zero)>> {
                return std::make_unique<nerva::BatchNormalizationLayer<decltype(zero)>>(size, epsilon, momentum);
            });
    });
}

NERVA_API nerva_status nerva_layer_create_linear_dropout(nerva_layer** out, nerva_scalar_type type, int64_t input_size,
                                                         int64_t output_size, double drop_rate, uint64_t seed)
{
    if (out)
    {
        *out = nullptr;
    }
    return guard(__func__, [&] {
        require_drop_rate(drop_rate);
        nerva::abi::create_layer_handle(out, type, input_size, output_size,
                                        [&](auto zero) -> std::unique_ptr<Layer<decltype(zero)>> {
                                            return std::make_unique<nerva::LinearDropoutLayer<decltype(zero)>>(
                                                input_size, output_size, drop_rate, seed);
                                        });
    });
}

NERVA_API nerva_status nerva_layer_create_activation_dropout(nerva_layer** out, nerva_scalar_type type,
                                                             int64_t input_size, int64_t output_size,
                                                             const nerva_activation* activation, double drop_rate,
                                                             uint64_t seed)
{
    if (out)
    {
        *out = nullptr;
    }
    return guard(__func__, [&] {
        const nerva::Activation act = nerva::abi::to_activation(activation);
        require_drop_rate(drop_rate);
        nerva::abi::create_layer_handle(out, type, input_size, output_size,
                                        [&](auto zero) -> std::unique_ptr<Layer<decltype(zero)>> {
                                            return std::make_unique<nerva::ActivationDropoutLayer<decltype(zero)>>(
                                                input_size, output_size, act, drop_rate, seed);
                                        });
    });
}

NERVA_API nerva_status nerva_layer_set_training(nerva_layer* layer, int32_t training)
{
    return guard(__func__, [&] {
        require_flag(training, "training");
        nerva::abi::visit_layer(layer, [&](auto& typed) { typed.set_training(training == 1); });
    });
}

NERVA_API nerva_status nerva_layer_set_mask_frozen(nerva_layer* layer, int32_t frozen)
{
    return guard(__func__, [&] {
        require_flag(frozen, "frozen");
        nerva::abi::visit_layer(layer, [&](auto& typed) {
            using T = typename std::decay_t<decltype(typed)>::Scalar;
            auto* dropout = dynamic_cast<nerva::DropoutMask<T>*>(&typed);
            if (!dropout)
            {
                nerva::throw_invalid_argument("layer", "the layer has no dropout mask; only layers created by "
                                                       "nerva_layer_create_linear_dropout or "
                                                       "nerva_layer_create_activation_dropout have one");
            }
            dropout->set_mask_frozen(frozen == 1);
        });
    });
}

} // extern "C"
