// The attention of an RNN decoder over its encoder's annotations (docs/file-formats.md,
// rnn_seq2seq): the dot, general (Luong's bilinear) and additive (Bahdanau's MLP) scores, the
// softmax over the source with padded keys at exactly 0, and the context vector c = Σ_j a_j h_j.
//
// The decoder attends once per output step over the same keys, so the work splits in two:
// prepareKeys() once per source batch (the keys' projection, W h_j or W_k h_j, and the
// padding mask), attend() at every step (what depends on the query). attend() is the decoder's
// hot path: a handful of graph nodes, each a batched product or one pass over [B, S].
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "layers/basic.h"
#include "layers/module.h"
#include "tensor/precision.h"

namespace attn::inline ATTN_PRECISION {

enum class ScoreKind { Dot, General, Additive };

// "dot", "general" or "additive" (the config's `score`); throws attn::Error otherwise.
ScoreKind parseScoreKind(const std::string& name);
const char* scoreKindName(ScoreKind kind);

// What attend() needs of the keys, computed once per source batch.
struct PreparedKeys {
  Var keys;       // h [B, S, K]
  Var projected;  // general: W h [B, S, H]; additive: W_k h [B, S, A]; dot: undefined
  Var mask;       // [B, S], 0 or −∞; undefined when no key is padded
  std::vector<int64_t> keyLengths;  // as given (empty: none padded)
};

// Batch rows picked by index (repeats allowed), for beam search over an RNN decoder.
PreparedKeys selectRows(const PreparedKeys& keys, const std::vector<int64_t>& rows);

struct AttentionResult {
  Var scores;   // [B, S] before the softmax; padded keys −∞
  Var weights;  // [B, S] softmax of the scores over the keys; padded keys exactly 0
  Var context;  // [B, K] Σ_j weights_j h_j
};

// One module for the three scores, the kind chosen at construction. Its parameters, named as
// docs/file-formats.md names them under `decoder.attention.`: general `W.weight` [H, K]; additive
// `query.weight` [A, H], `key.weight` [A, K], `v.weight` [1, A]; dot none. No biases.
class AttentionScore : public Module {
 public:
  // queryDim H, keyDim K (= H·D), attentionDim A (additive only; ignored otherwise).
  // Throws attn::Error when the kind cannot take these sizes (dot needs K == H).
  AttentionScore(ScoreKind kind, int64_t queryDim, int64_t keyDim, int64_t attentionDim,
                 Random& rng);

  // keys [B, S, K]; keyLengths: real keys at the front of each row (empty: none padded).
  PreparedKeys prepareKeys(const Var& keys, const std::vector<int64_t>& keyLengths = {}) const;
  // query [B, H] -> scores, weights [B, S], context [B, K]
  AttentionResult attend(const Var& query, const PreparedKeys& keys) const;
  // Both in one, for a single query per source (and for tests).
  AttentionResult forward(const Var& query, const Var& keys,
                          const std::vector<int64_t>& keyLengths = {}) const {
    return attend(query, prepareKeys(keys, keyLengths));
  }

  ScoreKind kind() const { return kind_; }
  int64_t queryDim() const { return queryDim_; }
  int64_t keyDim() const { return keyDim_; }

  // Present only for the kinds that have them.
  std::unique_ptr<Linear> W;              // general
  std::unique_ptr<Linear> query, key, v;  // additive

 private:
  ScoreKind kind_;
  int64_t queryDim_, keyDim_;
};

}  // namespace attn::inline ATTN_PRECISION
