#include "explain/rollout.h"

#include <algorithm>
#include <string>

#include <Eigen/Dense>

#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

namespace {

using MatrixD = Eigen::MatrixXd;  // products in double: a float product of ten layers drifts

MatrixD toEigen(const RolloutMatrix& m) {
  MatrixD out(m.rows, m.cols);
  for (int r = 0; r < m.rows; ++r)
    for (int c = 0; c < m.cols; ++c) out(r, c) = m.at(r, c);
  return out;
}

RolloutMatrix fromEigen(const MatrixD& m) {
  RolloutMatrix out;
  out.rows = static_cast<int>(m.rows());
  out.cols = static_cast<int>(m.cols());
  out.values.resize(static_cast<size_t>(m.size()));
  for (int r = 0; r < out.rows; ++r)
    for (int c = 0; c < out.cols; ++c)
      out.values[static_cast<size_t>(r) * out.cols + c] = static_cast<float>(m(r, c));
  return out;
}

// The head mean of one layer, [queries, keys].
MatrixD headMean(const AttentionMap& map, int layer) {
  MatrixD a = MatrixD::Zero(map.queries, map.keys);
  for (int h = 0; h < map.heads; ++h)
    for (int q = 0; q < map.queries; ++q)
      for (int k = 0; k < map.keys; ++k) a(q, k) += map.at(layer, h, q, k);
  return a / map.heads;
}

// Rows scaled to sum to 1; a row of zeros (nothing to renormalise) is left as it is.
void normaliseRows(MatrixD& m) {
  for (Eigen::Index r = 0; r < m.rows(); ++r) {
    const double s = m.row(r).sum();
    if (s > 0) m.row(r) /= s;
  }
}

MatrixD residual(const AttentionMap& map, int layer) {
  MatrixD a = 0.5 * headMean(map, layer) + 0.5 * MatrixD::Identity(map.queries, map.keys);
  normaliseRows(a);
  return a;
}

int lastLayer(int last, int layers, const std::string& what) {
  if (last < 0) return layers - 1;
  if (last >= layers)
    throw Error(what + " has " + std::to_string(layers) + " layers; there is no layer " +
                std::to_string(last + 1));
  return last;
}

void checkSquare(const AttentionMap& map, const std::string& what) {
  if (map.layers <= 0 || map.heads <= 0 || map.queries != map.keys)
    throw Error(what + " is " + std::to_string(map.queries) + " × " + std::to_string(map.keys) +
                ", not a square self-attention map: rollout needs one");
}

const AttentionMap* findMap(const Trace& trace, MapKind kind) {
  auto it = trace.attention.find(kind);
  return it == trace.attention.end() ? nullptr : &it->second;
}

}  // namespace

RolloutMatrix residualAttention(const AttentionMap& map, int layer) {
  checkSquare(map, "the attention map");
  return fromEigen(residual(map, lastLayer(layer, map.layers, "the attention map")));
}

RolloutMatrix selfAttentionRollout(const AttentionMap& map, int last) {
  checkSquare(map, "the self-attention map");
  const int upTo = lastLayer(last, map.layers, "the self-attention map");
  MatrixD r = MatrixD::Identity(map.queries, map.keys);
  for (int l = 0; l <= upTo; ++l) r = residual(map, l) * r;  // R_l = Ã_l R_{l−1}
  return fromEigen(r);
}

RolloutMatrix crossAttentionRollout(const AttentionMap& cross, const AttentionMap* decoderSelf,
                                    const RolloutMatrix& encoderRollout, int last) {
  const int t = cross.queries, s = cross.keys;
  if (cross.layers <= 0 || cross.heads <= 0) throw Error("the cross-attention map is empty");
  if (encoderRollout.rows != s || encoderRollout.cols != s)
    throw Error("the cross-attention reads " + std::to_string(s) +
                " source tokens but the encoder rollout covers " +
                std::to_string(encoderRollout.cols));
  if (decoderSelf) {
    checkSquare(*decoderSelf, "the decoder self-attention map");
    if (decoderSelf->queries != t || decoderSelf->layers != cross.layers)
      throw Error("the decoder self-attention map (" + std::to_string(decoderSelf->layers) +
                  " layers, " + std::to_string(decoderSelf->queries) +
                  " rows) does not match the cross-attention map (" + std::to_string(cross.layers) +
                  " layers, " + std::to_string(t) + " rows)");
  }
  const int upTo = lastLayer(last, cross.layers, "the cross-attention map");
  const MatrixD enc = toEigen(encoderRollout);
  MatrixD toTarget = MatrixD::Identity(t, t);  // R_tt
  MatrixD toSource = MatrixD::Zero(t, s);      // R_ts
  for (int l = 0; l <= upTo; ++l) {
    if (decoderSelf) {
      const MatrixD self = residual(*decoderSelf, l);
      toTarget = self * toTarget;
      toSource = self * toSource;
    }
    // The cross sub-layer: half the residual stream, half what the encoder's output carries.
    toTarget *= 0.5;
    toSource = 0.5 * toSource + 0.5 * headMean(cross, l) * enc;
  }
  normaliseRows(toSource);
  return fromEigen(toSource);
}

bool hasRollout(const Trace& trace) {
  return findMap(trace, MapKind::EncoderSelf) != nullptr;
}

TraceRollout traceRollout(const Trace& trace, int last) {
  const AttentionMap* encoderSelf = findMap(trace, MapKind::EncoderSelf);
  if (!encoderSelf)
    throw Error(
        "rollout needs the encoder's self-attention (a transformer trace); this trace "
        "has none");
  checkSquare(*encoderSelf, "the encoder self-attention map");
  if (encoderSelf->queries != static_cast<int>(trace.sourceTokens.size()))
    throw Error("the encoder self-attention map has " + std::to_string(encoderSelf->queries) +
                " rows for " + std::to_string(trace.sourceTokens.size()) + " source tokens");
  auto clamp = [last](const AttentionMap& m) {
    return last < 0 ? -1 : std::min(last, m.layers - 1);
  };
  TraceRollout out;
  out.encoder = selfAttentionRollout(*encoderSelf, clamp(*encoderSelf));
  const AttentionMap* decoderSelf = findMap(trace, MapKind::DecoderSelf);
  if (decoderSelf) out.decoder = selfAttentionRollout(*decoderSelf, clamp(*decoderSelf));
  if (const AttentionMap* cross = findMap(trace, MapKind::Cross)) {
    out.cross = crossAttentionRollout(*cross, decoderSelf, selfAttentionRollout(*encoderSelf),
                                      clamp(*cross));
  }
  return out;
}

}  // namespace attn::inline ATTN_PRECISION
