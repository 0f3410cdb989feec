#include "layers/rnn.h"

#include <string>

#include "tensor/side_thread.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

Rnn::Rnn(const RnnConfig& config, Random& rng) : config_(config) {
  if (config.inputSize < 1 || config.hiddenSize < 1 || config.numLayers < 1)
    throw Error("a recurrent layer needs input and hidden sizes and a layer count of at least 1");
  const int64_t H = config.hiddenSize, GH = rnnGateCount(config.cell) * H, D = directions();
  for (int64_t layer = 0; layer < config.numLayers; ++layer) {
    const int64_t in = layer == 0 ? config.inputSize : H * D;
    for (int64_t dir = 0; dir < D; ++dir) {
      const std::string suffix = "_l" + std::to_string(layer) + (dir == 1 ? "_reverse" : "");
      // PyTorch draws every RNN parameter from U(−1/√H, 1/√H), whatever its fan-in.
      Weights w;
      w.wIh = registerParameter("weight_ih" + suffix, uniformInit(rng, Shape{GH, in}, H));
      w.wHh = registerParameter("weight_hh" + suffix, uniformInit(rng, Shape{GH, H}, H));
      if (config.bias) {
        w.bIh = registerParameter("bias_ih" + suffix, uniformInit(rng, Shape{GH}, H));
        w.bHh = registerParameter("bias_hh" + suffix, uniformInit(rng, Shape{GH}, H));
      }
      weights_.push_back(w);
    }
  }
}

RnnState Rnn::zeroState(int64_t batch) const {
  const Shape s{batch, config_.hiddenSize};
  RnnState st;
  st.h = Var(Tensor::zeros(s));
  if (config_.cell == RnnCell::Lstm) st.c = Var(Tensor::zeros(s));
  return st;
}

std::vector<RnnState> Rnn::zeroStates(int64_t batch) const {
  return std::vector<RnnState>(static_cast<size_t>(config_.numLayers), zeroState(batch));
}

// input [B, T, in] (or [B, in] for one step) -> [B, T, S] (or [B, S]), S = H or 2H (LSTM)
Var Rnn::scan(const Weights& w, const Var& input, const RnnState& init,
              const std::vector<int64_t>& lengths, bool reverse) const {
  return rnnScan(config_.cell, input, init.h, init.c, w.wIh, w.wHh, w.bIh, w.bHh, lengths, reverse);
}

// x [B, T, I] -> output [B, T, H·D], final states L·D × [B, H]
RnnOutput Rnn::forward(const Var& x, const std::vector<int64_t>& lengthsIn,
                       const std::vector<RnnState>& initial) const {
  ATTN_CHECK(x.shape().rank() == 3 && x.dim(2) == config_.inputSize,
             "Rnn::forward: input " + x.shape().toString() + " is not [B, T, " +
                 std::to_string(config_.inputSize) + "]");
  const int64_t B = x.dim(0), T = x.dim(1), H = config_.hiddenSize, D = directions();
  const int64_t L = config_.numLayers;
  ATTN_CHECK(T >= 1 && B >= 1, "Rnn::forward: empty batch or sequence");
  std::vector<int64_t> lengths = lengthsIn;
  if (lengths.empty()) lengths.assign(static_cast<size_t>(B), T);
  if (static_cast<int64_t>(lengths.size()) != B)
    throw Error("recurrent layer: " + std::to_string(lengths.size()) + " lengths for a batch of " +
                std::to_string(B));
  for (int64_t len : lengths)
    if (len < 1 || len > T)
      throw Error("recurrent layer: sequence length " + std::to_string(len) + " outside 1.." +
                  std::to_string(T));
  ATTN_CHECK(initial.empty() || static_cast<int64_t>(initial.size()) == L * D,
             "Rnn::forward: expected " + std::to_string(L * D) + " initial states");

  // Rows of the final states in the [B·T, S] view of a scan's output: each sequence's last
  // real position forward, its first position backward (where the reversed scan ends).
  std::vector<int64_t> lastRows(static_cast<size_t>(B)), firstRows(static_cast<size_t>(B));
  for (int64_t b = 0; b < B; ++b) {
    lastRows[static_cast<size_t>(b)] = b * T + lengths[static_cast<size_t>(b)] - 1;
    firstRows[static_cast<size_t>(b)] = b * T;
  }
  const bool lstm = config_.cell == RnnCell::Lstm;
  const RnnState zero = initial.empty() ? zeroState(B) : RnnState{};

  RnnOutput result;
  Var input = x;
  for (int64_t layer = 0; layer < L; ++layer) {
    std::vector<Var> outs;
    std::vector<Var> seqs(static_cast<size_t>(D));
    auto runScan = [&](int64_t dir) {
      const size_t k = static_cast<size_t>(layer * D + dir);
      seqs[static_cast<size_t>(dir)] =
          scan(weights_[k], input, initial.empty() ? zero : initial[k], lengths, dir == 1);
    };
    if (D == 2 && !gradEnabled()) {
      // Inference: the two directions are independent chains of small products, each bound by
      // its own weights' streaming from cache, so they run on two cores (tensor/side_thread.h).
      runPair([&] { runScan(0); }, [&] { runScan(1); });
    } else {
      for (int64_t dir = 0; dir < D; ++dir) runScan(dir);
    }
    for (int64_t dir = 0; dir < D; ++dir) {
      const Var& seq = seqs[static_cast<size_t>(dir)];
      const Var fin = gatherRows(seq, dir == 1 ? firstRows : lastRows);  // [B, S]
      if (lstm) {
        result.final.push_back({slice(fin, -1, 0, H), slice(fin, -1, H, H)});
        outs.push_back(slice(seq, -1, 0, H));
      } else {
        result.final.push_back({fin, Var()});
        outs.push_back(seq);
      }
    }
    input = D == 2 ? concat(outs, -1) : outs[0];
  }
  result.output = input;
  return result;
}

// x [B, I] -> L new states, top h [B, H]
RnnStepResult Rnn::step(const Var& x, const std::vector<RnnState>& states) const {
  ATTN_CHECK(!config_.bidirectional, "Rnn::step: a bidirectional RNN cannot be stepped");
  ATTN_CHECK(x.shape().rank() == 2 && x.dim(1) == config_.inputSize,
             "Rnn::step: input " + x.shape().toString() + " is not [B, " +
                 std::to_string(config_.inputSize) + "]");
  const int64_t L = config_.numLayers, H = config_.hiddenSize;
  ATTN_CHECK(states.empty() || static_cast<int64_t>(states.size()) == L,
             "Rnn::step: expected " + std::to_string(L) + " states");
  const RnnState zero = states.empty() ? zeroState(x.dim(0)) : RnnState{};
  RnnStepResult result;
  Var input = x;
  for (int64_t layer = 0; layer < L; ++layer) {
    const size_t k = static_cast<size_t>(layer);
    const Var out = scan(weights_[k], input, states.empty() ? zero : states[k], {}, false);
    if (config_.cell == RnnCell::Lstm)
      result.states.push_back({slice(out, -1, 0, H), slice(out, -1, H, H)});
    else
      result.states.push_back({out, Var()});
    input = result.states.back().h;
  }
  result.h = input;
  return result;
}

}  // namespace attn::inline ATTN_PRECISION
