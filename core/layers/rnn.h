// Recurrent layers as torch.nn.RNN (tanh), nn.GRU and nn.LSTM with batch_first = True: the same
// parameter names, shapes and arithmetic, and the semantics of packed sequences, so a PyTorch
// state_dict loads as is and a padded batch gives what pack_padded_sequence would.
//
// Each layer-direction is one fused scan node (tensor/ops_rnn.h): a single matrix product for
// the input side of every real position, then per step only h W_hhᵀ and the gates.
#pragma once

#include <cstdint>
#include <vector>

#include "layers/module.h"
#include "tensor/ops.h"
#include "tensor/ops_rnn.h"
#include "tensor/precision.h"

namespace attn::inline ATTN_PRECISION {

struct RnnConfig {
  RnnCell cell = RnnCell::Lstm;
  int64_t inputSize = 0;   // I
  int64_t hiddenSize = 0;  // H
  int64_t numLayers = 1;   // L
  bool bidirectional = false;
  bool bias = true;  // b_ih and b_hh, as PyTorch's `bias`
};

// The state of one layer (and direction): h [B, H], and for an LSTM c [B, H] (undefined for
// the other cells).
struct RnnState {
  Var h;
  Var c;
};

struct RnnOutput {
  Var output;  // [B, T, H·D]: position j is [forward_j ; backward_j], padded positions exactly 0
  // Final states, index layer·D + direction (PyTorch's h_n / c_n order): the state at each
  // sequence's own last real token (its first token for the backward direction).
  std::vector<RnnState> final;
};

struct RnnStepResult {
  std::vector<RnnState> states;  // one per layer
  Var h;                         // the top layer's new h [B, H]
};

class Rnn : public Module {
 public:
  // Registers weight_ih_l{k}[_reverse] [G·H, I or H·D], weight_hh_l{k} [G·H, H], bias_ih_l{k},
  // bias_hh_l{k} [G·H] in PyTorch's order, each U(−1/√H, 1/√H).
  Rnn(const RnnConfig& config, Random& rng);

  // x [B, T, I]; lengths: B values in 1..T, each sequence's real length (empty: all T);
  // initial: L·D states (empty: zeros) -> output [B, T, H·D] and the L·D final states.
  // Lengths come from data, so a bad one (outside 1..T, or not B of them) throws attn::Error;
  // wrong shapes or state counts are a caller's bug (attn::InternalError).
  RnnOutput forward(const Var& x, const std::vector<int64_t>& lengths = {},
                    const std::vector<RnnState>& initial = {}) const;

  // One time step for a decoder (unidirectional only): x [B, I], states: L states from the
  // previous step (empty: zeros) -> the L new states and the top layer's h [B, H].
  RnnStepResult step(const Var& x, const std::vector<RnnState>& states = {}) const;

  // L zero states for a batch of B (for step(); c only for an LSTM).
  std::vector<RnnState> zeroStates(int64_t batch) const;

  const RnnConfig& config() const { return config_; }
  int64_t directions() const { return config_.bidirectional ? 2 : 1; }

 private:
  struct Weights {
    Var wIh, wHh, bIh, bHh;
  };

  // One layer-direction over the whole sequence: input [B, T, in] -> [B, T, S] (ops_rnn.h).
  Var scan(const Weights& w, const Var& input, const RnnState& init,
           const std::vector<int64_t>& lengths, bool reverse) const;
  RnnState zeroState(int64_t batch) const;

  RnnConfig config_;
  std::vector<Weights> weights_;  // index layer·D + direction
};

}  // namespace attn::inline ATTN_PRECISION
