// The layer interface of the core (row-wise layout: X is N x D, Y is N x K).
#ifndef NERVA_CORE_LAYERS_LAYER_H
#define NERVA_CORE_LAYERS_LAYER_H

#include <string>
#include <vector>

#include "core/matrix.h"

namespace nerva
{

// A named matrix of a layer. Trainable parameters have a gradient of the
// same shape, named with a "D" prefix ("W" and "DW"). State that is not
// trained, such as running statistics, has none.
template <typename T>
struct Parameter
{
    std::string name;
    Matrix<T>* value;
    Matrix<T>* gradient;
};

template <typename T>
class Layer
{
public:
    using Scalar = T;

    virtual ~Layer() = default;

    virtual Index input_size() const = 0;
    virtual Index output_size() const = 0;

    // Computes Y (resized to N x K) from X (N x D).
    virtual void feedforward(const Matrix<T>& X, Matrix<T>& Y) = 0;

    // Computes the parameter gradients from the X, Y of the last feedforward
    // and DY (N x K). DX (resized to N x D) is computed when not null.
    virtual void backpropagate(const Matrix<T>& X, const Matrix<T>& Y, const Matrix<T>& DY, Matrix<T>* DX) = 0;

    // The layer's named matrices, in a fixed order.
    virtual std::vector<Parameter<T>> parameters() = 0;

    // Selects training (true) or evaluation (false) mode. Layers whose
    // computation does not depend on the mode ignore it.
    virtual void set_training(bool) {}

protected:
    void require_input(const Matrix<T>& X) const
    {
        if (X.cols() != input_size() || X.rows() < 1)
        {
            throw_shape_mismatch("X", "X has shape ", shape_of(X), " but the layer expects N x ", input_size(),
                                 " with N >= 1");
        }
    }

    void require_output_gradient(const Matrix<T>& X, const Matrix<T>& DY) const
    {
        if (DY.rows() != X.rows() || DY.cols() != output_size())
        {
            throw_shape_mismatch("DY", "DY has shape ", shape_of(DY), " but ", X.rows(), "x", output_size(),
                                 " is required (N x K)");
        }
    }
};

} // namespace nerva

#endif
