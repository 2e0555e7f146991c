// A multilayer perceptron: a chain of layers, a loss function and an
// optimizer, trained one mini-batch at a time (row-wise layout: X is N x D,
// the targets T are N x K, one example per row).
//
// Training step for a batch of N examples:
//   Y_1 = layer_1(X), Y_l = layer_l(Y_{l-1})   feedforward
//   L = loss(Y_L, T)                           summed over the batch
//   DY_L = ∇_Y L / N                           the gradient of the mean loss
//   DY_{l-1} = DX of layer_l                   backpropagation; the first layer's DX is not computed
//   θ' = optimizer(θ, Dθ, η)                   every trainable parameter
//
// The model keeps each layer's output Y_l and gradient DY_l, and the
// gathered batch, between calls, so batches of one size reuse the same
// memory.
//
// Reproducibility: the model draws no random numbers itself, and every step
// runs in a fixed order. Two runs with the same initial weights, the same
// layer seeds, the same batches and the same thread count give bit-identical
// weights, provided that MKL runs in a conditional numerical reproducibility
// mode (see core/reproducibility.h). A different thread count can change
// the last bits, because MKL and Eigen's parallel product choose their
// blocking, and so the order of their sums, from the thread count.
#ifndef NERVA_CORE_MODEL_H
#define NERVA_CORE_MODEL_H

#include "core/layers/layer.h"
#include "core/loss_functions.h"
#include "core/optimizers.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace nerva
{

// The result of MultilayerPerceptron::evaluate.
struct Evaluation
{
    double loss_sum = 0; // the loss summed over every example
    int64_t correct = 0; // examples whose argmax of Y equals the argmax of T
};

template <typename Scalar>
class MultilayerPerceptron
{
public:
    using LayerPointer = std::shared_ptr<Layer<Scalar>>;

    // Appends a layer. Its input size D must equal the output size K of the
    // previous layer, and a layer can appear only once. Adding a layer
    // resets the optimizer's state Δ to zero.
    void add_layer(LayerPointer layer)
    {
        if (!layer)
        {
            throw_invalid_argument("layer", "layer is NULL");
        }
        for (size_t l = 0; l < m_layers.size(); ++l)
        {
            if (m_layers[l] == layer)
            {
                throw_invalid_argument("layer", "the layer is already layer ", l,
                                       " of the model; create a new layer instead of adding one twice");
            }
        }
        if (!m_layers.empty() && layer->input_size() != m_layers.back()->output_size())
        {
            throw_shape_mismatch("layer", "the layer has input size D = ", layer->input_size(),
                                 " but the previous layer has output size K = ", m_layers.back()->output_size(),
                                 "; they must be equal");
        }
        layer->set_training(m_training);
        m_layers.push_back(std::move(layer));
        m_Y.resize(m_layers.size());
        m_DY.resize(m_layers.size());
        m_layer_optimizer_settings.emplace_back();
        m_optimizers.clear();
    }

    Index layer_count() const { return static_cast<Index>(m_layers.size()); }
    Index input_size() const { return m_layers.empty() ? 0 : m_layers.front()->input_size(); }
    Index output_size() const { return m_layers.empty() ? 0 : m_layers.back()->output_size(); }

    void set_loss(LossKind loss) { m_loss = loss; }

    // Selects the optimizer for every trainable parameter and resets its
    // state Δ to zero.
    void set_optimizer(const OptimizerSettings& settings)
    {
        validate_optimizer(settings);
        m_optimizer_settings = settings;
        m_optimizers.clear();
    }

    // Selects the optimizer of the trainable parameters of layer l (0-based),
    // in place of the one of set_optimizer, and resets every state Δ to zero.
    void set_layer_optimizer(Index l, const OptimizerSettings& settings)
    {
        if (l < 0 || l >= layer_count())
        {
            throw_invalid_argument("layer_index", "layer_index is ", l, " but the model has ", layer_count(),
                                   " layers; pass 0 to ", layer_count() - 1);
        }
        validate_optimizer(settings);
        m_layer_optimizer_settings[static_cast<size_t>(l)] = settings;
        m_optimizers.clear();
    }

    bool training() const { return m_training; }

    // Selects training or evaluation mode for every layer.
    void set_training(bool training)
    {
        m_training = training;
        for (auto& layer : m_layers)
        {
            layer->set_training(training);
        }
    }

    // X: N x D, Y: N x K. Runs the layers in the current mode.
    void feedforward(const Matrix<Scalar>& X, Matrix<Scalar>& Y)
    {
        require_layers();
        Y = feedforward_layers(X);
    }

    // X: N x D, T: N x K. Runs one training step in training mode with
    // learning rate η and returns the loss summed over the batch.
    double train_batch(const Matrix<Scalar>& X, const Matrix<Scalar>& T, double learning_rate)
    {
        require_ready_to_train(learning_rate);
        require_targets(X, T, "X", "T");
        set_training(true);
        const Index N = X.rows();
        const Index L = layer_count();

        // Y_L = layer_L(... layer_1(X))
        const Matrix<Scalar>& Y = feedforward_layers(X);

        // L = loss(Y_L, T)
        const double loss = static_cast<double>(loss_value(*m_loss, Y, T));

        // DY_L = ∇_Y L / N
        // NOTE: loss_gradient returns a new N x K matrix, so this line allocates once per batch.
        m_DY[L - 1] = loss_gradient(*m_loss, Y, T);
        m_DY[L - 1] /= static_cast<Scalar>(N);

        // DY_{l-1} = DX of layer_l, down to the first layer, whose DX is not needed
        for (Index l = L - 1; l >= 0; --l)
        {
            const Matrix<Scalar>& X_l = l == 0 ? X : m_Y[l - 1];
            Matrix<Scalar>* DX_l = l == 0 ? nullptr : &m_DY[l - 1];
            m_layers[l]->backpropagate(X_l, m_Y[l], m_DY[l], DX_l);
        }

        // θ' = optimizer(θ, Dθ, η)
        for (auto& optimizer : optimizers())
        {
            optimizer->update(learning_rate);
        }
        return loss;
    }

    // X_all: M x D, T_all: M x K, rows: row_count indices into X_all and
    // T_all. Gathers the batch X = X_all[rows], T = T_all[rows] and runs
    // train_batch on it.
    double train_batch_rows(const Matrix<Scalar>& X_all, const Matrix<Scalar>& T_all, const int64_t* rows,
                            int64_t row_count, double learning_rate)
    {
        require_ready_to_train(learning_rate);
        require_data_set(X_all, T_all);
        require_rows(rows, row_count, X_all.rows());

        // X = X_all[rows], T = T_all[rows]
        m_X_batch.resize(row_count, X_all.cols());
        m_T_batch.resize(row_count, T_all.cols());
        for (int64_t i = 0; i < row_count; ++i)
        {
            m_X_batch.row(i) = X_all.row(rows[i]);
            m_T_batch.row(i) = T_all.row(rows[i]);
        }
        return train_batch(m_X_batch, m_T_batch, learning_rate);
    }

    // X_all: M x D, T_all: M x K. Runs the model in evaluation mode over
    // consecutive batches of batch_size rows, the last one possibly smaller.
    // Returns the summed loss and the number of examples whose argmax of Y
    // equals the argmax of T, where the first maximum wins a tie. The
    // previous mode is restored afterwards.
    Evaluation evaluate(const Matrix<Scalar>& X_all, const Matrix<Scalar>& T_all, Index batch_size)
    {
        require_layers();
        require_loss();
        require_data_set(X_all, T_all);
        if (batch_size < 1)
        {
            throw_invalid_argument("batch_size", "batch_size is ", batch_size, " but must be >= 1");
        }

        const bool previous_mode = m_training;
        set_training(false);
        Evaluation result;
        try
        {
            const Index M = X_all.rows();
            for (Index start = 0; start < M; start += batch_size)
            {
                const Index N = std::min(batch_size, M - start);
                m_X_batch = X_all.middleRows(start, N);
                m_T_batch = T_all.middleRows(start, N);
                const Matrix<Scalar>& Y = feedforward_layers(m_X_batch);
                result.loss_sum += static_cast<double>(loss_value(*m_loss, Y, m_T_batch));
                for (Index i = 0; i < N; ++i)
                {
                    result.correct += argmax(Y, i) == argmax(m_T_batch, i) ? 1 : 0;
                }
            }
        }
        catch (...)
        {
            set_training(previous_mode);
            throw;
        }
        set_training(previous_mode);
        return result;
    }

private:
    // Y_1 = layer_1(X), Y_l = layer_l(Y_{l-1}); returns Y_L.
    const Matrix<Scalar>& feedforward_layers(const Matrix<Scalar>& X)
    {
        for (size_t l = 0; l < m_layers.size(); ++l)
        {
            const Matrix<Scalar>& X_l = l == 0 ? X : m_Y[l - 1];
            m_layers[l]->feedforward(X_l, m_Y[l]);
        }
        return m_Y.back();
    }

    // The column index of the first maximum of row i.
    static Index argmax(const Matrix<Scalar>& A, Index i)
    {
        Index result = 0;
        for (Index j = 1; j < A.cols(); ++j)
        {
            if (A(i, j) > A(i, result))
            {
                result = j;
            }
        }
        return result;
    }

    // One optimizer per layer, built at the first training step after a change,
    // with the layer's own settings or else the model's.
    std::vector<std::unique_ptr<Optimizer<Scalar>>>& optimizers()
    {
        if (m_optimizers.empty())
        {
            for (size_t l = 0; l < m_layers.size(); ++l)
            {
                const OptimizerSettings& settings =
                    m_layer_optimizer_settings[l] ? *m_layer_optimizer_settings[l] : *m_optimizer_settings;
                m_optimizers.push_back(std::make_unique<Optimizer<Scalar>>(settings, m_layers[l]->parameters()));
            }
        }
        return m_optimizers;
    }

    void require_layers() const
    {
        if (m_layers.empty())
        {
            throw_invalid_operation("the model has no layers; add layers first (nerva_model_add_layer)");
        }
    }

    void require_loss() const
    {
        if (!m_loss)
        {
            throw_invalid_operation("the model has no loss function; set one first (nerva_model_set_loss)");
        }
    }

    void require_ready_to_train(double learning_rate) const
    {
        require_layers();
        require_loss();
        if (!m_optimizer_settings)
        {
            throw_invalid_operation("the model has no optimizer; set one first (nerva_model_set_optimizer)");
        }
        require_learning_rate(learning_rate);
    }

    // X must be N x D and T must be N x K, with N >= 1.
    void require_targets(const Matrix<Scalar>& X, const Matrix<Scalar>& T, const char* x_name, const char* t_name) const
    {
        if (X.cols() != input_size() || X.rows() < 1)
        {
            throw_shape_mismatch(x_name, x_name, " has shape ", shape_of(X), " but the model expects N x ",
                                 input_size(), " with N >= 1");
        }
        if (T.rows() != X.rows() || T.cols() != output_size())
        {
            throw_shape_mismatch(t_name, t_name, " has shape ", shape_of(T), " but ", X.rows(), "x", output_size(),
                                 " is required (one row of K targets per example)");
        }
    }

    void require_data_set(const Matrix<Scalar>& X_all, const Matrix<Scalar>& T_all) const
    {
        require_targets(X_all, T_all, "X_all", "T_all");
    }

    static void require_rows(const int64_t* rows, int64_t row_count, Index M)
    {
        if (row_count < 1)
        {
            throw_invalid_argument("row_count", "row_count is ", row_count, " but a batch needs at least 1 row");
        }
        if (rows == nullptr)
        {
            throw_invalid_argument("rows", "rows is NULL");
        }
        for (int64_t i = 0; i < row_count; ++i)
        {
            if (rows[i] < 0 || rows[i] >= M)
            {
                throw_invalid_argument("rows", "rows[", i, "] is ", rows[i], " but the data set has ", M,
                                       " rows, so indices must be in [0, ", M - 1, "]");
            }
        }
    }

    std::vector<LayerPointer> m_layers;
    std::optional<LossKind> m_loss;
    std::optional<OptimizerSettings> m_optimizer_settings;
    std::vector<std::optional<OptimizerSettings>> m_layer_optimizer_settings; // per layer, overrides the above
    std::vector<std::unique_ptr<Optimizer<Scalar>>> m_optimizers;             // built at the first training step
    bool m_training = true;

    std::vector<Matrix<Scalar>> m_Y;  // m_Y[l]: N x K_l, the output of layer l
    std::vector<Matrix<Scalar>> m_DY; // m_DY[l]: N x K_l, the gradient of the mean loss with respect to m_Y[l]
    Matrix<Scalar> m_X_batch;         // N x D, a gathered batch of inputs
    Matrix<Scalar> m_T_batch;         // N x K, a gathered batch of targets
};

} // namespace nerva

#endif
