// The differentiable operations every layer and model is built from.
// Each takes Vars and returns a Var; when grad is on and an input requires it, the result
// records its backward function. Shapes are given as [rows, cols] of the last two dimensions
// with any leading dimensions in front ("..."). Everything is float32 in the app's build.
#pragma once

#include <vector>

#include "tensor/precision.h"
#include "tensor/var.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

// ---- linear algebra (ops_linalg.cpp) ----
// [M, K] x [K, N] -> [M, N]
Var matmul(const Var& a, const Var& b);
// [..., M, K] x [..., K, N] -> [..., M, N]; with transB, b is [..., N, K]. Equal leading dims.
Var bmm(const Var& a, const Var& b, bool transB = false);
// PyTorch's Linear: x [..., in], weight [out, in], bias [out] (or an undefined Var) -> [..., out]
Var linear(const Var& x, const Var& weight, const Var& bias);

// ---- elementwise (ops_elementwise.cpp); add/sub/mul broadcast as NumPy does ----
Var add(const Var& a, const Var& b);
Var sub(const Var& a, const Var& b);
Var mul(const Var& a, const Var& b);
Var scale(const Var& a, Scalar s);
Var tanh(const Var& a);
Var sigmoid(const Var& a);
Var relu(const Var& a);
Var exp(const Var& a);
Var log(const Var& a);
// The shape NumPy's broadcasting gives two shapes; throws attn::Error when they don't fit.
Shape broadcastShape(const Shape& a, const Shape& b);

// ---- shape (ops_shape.cpp) ----
Var reshape(const Var& a, const Shape& shape);
// Swaps the last two dimensions.
Var transpose(const Var& a);
// Reorders the dimensions: output dim i is input dim perm[i] (as torch.permute).
Var permute(const Var& a, const std::vector<int>& perm);
// Joins along `dim` (negative counts from the end); all other dimensions must match.
Var concat(const std::vector<Var>& xs, int dim);
// [start, start + length) along `dim`.
Var slice(const Var& a, int dim, int64_t start, int64_t length);
// Rows of a seen as a matrix ([rows, cols]): out row i = a row index[i]. -> [index.size(), cols]
Var gatherRows(const Var& a, const std::vector<int64_t>& index);
// weight [V, E]; ids of shape idShape, each in [0, V) -> idShape + [E]
Var embedding(const Var& weight, const std::vector<int64_t>& ids, const Shape& idShape);

// ---- reductions, softmax and loss (ops_reduce.cpp) ----
Var sum(const Var& a);   // -> scalar
Var mean(const Var& a);  // -> scalar
// Over the last dimension. -inf inputs get exactly 0; a row that is all -inf gives all zeros
// (PyTorch gives NaN there; a fully padded row should contribute nothing, not poison a batch).
Var softmax(const Var& a);
// The backward pass of softmax and maskedSoftmax (their graph nodes' closure; not an op).
void softmaxBackward(Node& self);
// exp of every value in place, −∞ giving exactly 0: the exponentials of softmax and
// maskedSoftmax (not an op).
void expZeroingMinusInfinity(Tensor& t);
Var logSoftmax(const Var& a);
// logits [N, V], targets N ids: mean over targets != ignoreIndex of -log softmax(logits)[t]
// (CrossEntropyLoss(ignore_index)). With no counted target the loss is 0.
Var crossEntropy(const Var& logits, const std::vector<int64_t>& targets, int64_t ignoreIndex = 0);

// ---- normalisation (ops_norm.cpp) ----
// Over the last dimension, biased variance, as nn.LayerNorm: x [..., d], gamma and beta [d].
Var layerNorm(const Var& x, const Var& gamma, const Var& beta, Scalar eps = Scalar(1e-5));

}  // namespace attn::inline ATTN_PRECISION
