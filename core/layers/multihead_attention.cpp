#include "layers/multihead_attention.h"

#include <cmath>

#include "layers/attention_mask.h"
#include "tensor/ops_attention.h"
#include "tensor/random_tensor.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

Tensor xavierUniformInit(Random& rng, const Shape& shape) {
  ATTN_CHECK(shape.rank() == 2, "xavierUniformInit takes a [fanOut, fanIn] shape");
  const double bound = std::sqrt(6.0 / static_cast<double>(shape[0] + shape[1]));
  return uniformTensor(rng, shape, -bound, bound);
}

namespace {

int64_t checkedHeads(int64_t embedDim, int64_t numHeads) {
  if (embedDim <= 0 || numHeads <= 0 || embedDim % numHeads != 0)
    throw Error("multi-head attention needs d_model (" + std::to_string(embedDim) +
                ") to be a positive multiple of the number of heads (" + std::to_string(numHeads) +
                ")");
  return numHeads;
}

}  // namespace

MultiheadAttention::MultiheadAttention(int64_t embedDim, int64_t numHeads, Random& rng)
    : out_proj(embedDim, embedDim, true, rng),
      embedDim_(embedDim),
      numHeads_(checkedHeads(embedDim, numHeads)) {
  in_proj_weight =
      registerParameter("in_proj_weight", xavierUniformInit(rng, Shape{3 * embedDim, embedDim}));
  in_proj_bias = registerParameter("in_proj_bias", Tensor::zeros(Shape{3 * embedDim}));
  out_proj.bias.mutableValue().setZero();
  registerModule("out_proj", out_proj);
}

// key, value [B, S, d] -> k, v [B, h, S, dk]
MhaKeys MultiheadAttention::prepareKeys(const Var& key, const Var& value,
                                        const std::vector<int64_t>& keyLengths) const {
  const int64_t d = embedDim_, h = numHeads_, dk = headDim();
  ATTN_CHECK(key.shape().rank() == 3 && key.dim(2) == d && key.shape() == value.shape(),
             "attention key and value must both be [B, S, " + std::to_string(d) + "], not " +
                 key.shape().toString() + " and " + value.shape().toString());
  MhaKeys keys;
  keys.keyLengths = keyLengths;
  if (key.node() == value.node()) {
    // One product for both, as PyTorch's _in_projection_packed does when key is value.
    Var kv = linearRows(key, in_proj_weight, in_proj_bias, d, 2 * d);
    keys.k = splitHeads(kv, h, dk, 0);
    keys.v = splitHeads(kv, h, dk, d);
  } else {
    keys.k = splitHeads(linearRows(key, in_proj_weight, in_proj_bias, d, d), h, dk);
    keys.v = splitHeads(linearRows(value, in_proj_weight, in_proj_bias, 2 * d, d), h, dk);
  }
  hasPadding(keyLengths, key.dim(0), key.dim(1));  // checks the lengths fit, once, up front
  return keys;
}

// k, v [B, h, S, dk] -> [n, h, S, dk]
MhaKeys selectRows(const MhaKeys& keys, const std::vector<int64_t>& rows) {
  MhaKeys out;
  if (keys.k.defined()) {
    out.k = gatherBatch(keys.k, rows);
    out.v = gatherBatch(keys.v, rows);
  }
  if (!keys.keyLengths.empty())
    for (int64_t r : rows) out.keyLengths.push_back(keys.keyLengths.at(static_cast<size_t>(r)));
  return out;
}

// cache k, v [B, h, S, dk] and more [B, T, d] -> k, v [B, h, S + T, dk]
MhaKeys MultiheadAttention::appendKeys(const MhaKeys& cache, const Var& more) const {
  ATTN_CHECK(cache.keyLengths.empty(), "appendKeys: a cache of padded keys cannot grow");
  MhaKeys added = prepareKeys(more, more);
  if (!cache.k.defined()) return added;
  added.k = concat({cache.k, added.k}, 2);
  added.v = concat({cache.v, added.v}, 2);
  return added;
}

// query [B, T, d], key and value [B, S, d] -> output [B, T, d], weights [B, h, T, S]
MhaOutput MultiheadAttention::forward(const Var& query, const Var& key, const Var& value,
                                      const std::vector<int64_t>& keyLengths, bool causal,
                                      const AttentionEdit* edit) const {
  const int64_t d = embedDim_, h = numHeads_, dk = headDim();
  ATTN_CHECK(query.shape().rank() == 3 && query.dim(2) == d && key.shape().rank() == 3 &&
                 key.dim(0) == query.dim(0),
             "attention query must be [B, T, " + std::to_string(d) + "] over keys [B, S, " +
                 std::to_string(d) + "], not " + query.shape().toString() + " over " +
                 key.shape().toString());
  if (query.node() == key.node() && key.node() == value.node()) {
    // Self-attention: Q, K and V from one product [B, T, 3d], split straight into heads.
    Var qkv = linear(query, in_proj_weight, in_proj_bias);
    MhaKeys keys{splitHeads(qkv, h, dk, d), splitHeads(qkv, h, dk, 2 * d), keyLengths};
    return attendHeads(splitHeads(qkv, h, dk, 0, Scalar(1 / std::sqrt(double(dk)))), keys, causal,
                       edit);
  }
  return attend(query, prepareKeys(key, value, keyLengths), causal, edit);
}

// query [B, T, d] -> output [B, T, d], weights [B, h, T, S]
MhaOutput MultiheadAttention::attend(const Var& query, const MhaKeys& keys, bool causal,
                                     const AttentionEdit* edit) const {
  const int64_t d = embedDim_;
  ATTN_CHECK(
      query.shape().rank() == 3 && query.dim(2) == d,
      "attention query must be [B, T, " + std::to_string(d) + "], not " + query.shape().toString());
  Var q = linearRows(query, in_proj_weight, in_proj_bias, 0, d);
  return attendHeads(
      splitHeads(q, numHeads_, headDim(), 0, Scalar(1 / std::sqrt(double(headDim())))), keys,
      causal, edit);
}

// q [B, h, T, dk] (already scaled by 1/√dk, as PyTorch scales q), k, v [B, h, S, dk]
MhaOutput MultiheadAttention::attendHeads(const Var& q, const MhaKeys& keys, bool causal,
                                          const AttentionEdit* edit) const {
  const int64_t batch = q.dim(0), queries = q.dim(2), steps = keys.size();
  ATTN_CHECK(keys.k.defined() && keys.k.dim(0) == batch,
             "attention keys for a batch of " + std::to_string(batch) + " expected");
  // QKᵀ for every batch row and head in one batched product, then the additive mask (shared
  // by the heads) and the softmax in one pass.
  Var scores = bmm(q, keys.k, true);  // [B, h, T, S]
  MhaOutput out;
  const Tensor mask = attentionMask(keys.keyLengths, causal, batch, queries, steps);
  out.weights = maskedSoftmax(scores, mask);
  if (edit) {  // a teaching intervention: the weights the values are weighed with, replaced
    ATTN_CHECK(!gradEnabled(), "attention edits are for decoding, without a graph");
    out.weights = Var(editedWeights(out.weights.value(), numHeads_, *edit));
  }
  if (!gradEnabled()) out.scores = mask.defined() ? add(scores, Var(mask)) : scores;
  out.output = out_proj.forward(mergeHeads(bmm(out.weights, keys.v)));
  return out;
}

}  // namespace attn::inline ATTN_PRECISION
