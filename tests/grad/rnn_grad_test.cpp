// Finite-difference gradient checks (float64) of the recurrent layers: the fused scan op
// (tensor/ops_rnn.h) on its own, and the Rnn module for every cell, w.r.t. the input, the
// initial states and every parameter, through the output and the final states.
#include "gradcheck.h"
#include "layers/rnn.h"
#include "random_tensor.h"

namespace attn {
namespace {

using testing::gradCheck;

using test::rnd;

Var flat(const Var& v) {
  return reshape(v, Shape{v.value().numel()});
}

// gradCheck differentiates w.r.t. Vars it makes itself, while a module computes with its own
// parameter Vars. This ties them: each parameter takes the value of its stand-in and becomes
// an identity of it in the graph (a leaf given a backward), so the gradient the module's
// arithmetic sends to a parameter arrives at the stand-in gradCheck inspects.
void bindParameters(const Module& m, const std::vector<Var>& standIns, size_t first) {
  const std::vector<Var> params = m.parameters();
  for (size_t i = 0; i < params.size(); ++i) {
    Node& p = *params[i].node();
    const Var& s = standIns[first + i];
    p.value = s.value();
    p.grad = Tensor();
    p.inputs = {s.nodePtr()};
    p.backward = [](Node& self) {
      if (self.inputs[0]->requiresGrad) self.inputs[0]->gradRef().arr() += self.grad.arr();
    };
  }
}

std::vector<Tensor> parameterValues(const Module& m) {
  std::vector<Tensor> out;
  for (const Var& p : m.parameters()) out.push_back(p.value());
  return out;
}

// Everything forward returns, as one vector: output, then h_n and c_n of each layer-direction.
Var everything(const RnnOutput& r) {
  std::vector<Var> parts{flat(r.output)};
  for (const RnnState& s : r.final) {
    parts.push_back(flat(s.h));
    if (s.c.defined()) parts.push_back(flat(s.c));
  }
  return concat(parts, 0);
}

// Checks forward w.r.t. x [B, T, I] and every parameter.
::testing::AssertionResult checkForward(const RnnConfig& cfg, int64_t B, int64_t T,
                                        const std::vector<int64_t>& lengths) {
  Random rng(7);
  Rnn rnn(cfg, rng);
  std::vector<Tensor> inputs{rnd({B, T, cfg.inputSize}, 11)};
  for (Tensor& t : parameterValues(rnn)) inputs.push_back(t);
  return gradCheck(
      [&](const std::vector<Var>& v) {
        bindParameters(rnn, v, 1);
        return everything(rnn.forward(v[0], lengths));
      },
      inputs);
}

RnnConfig config(RnnCell cell, int64_t layers, bool bidirectional) {
  RnnConfig c;
  c.cell = cell;
  c.inputSize = 3;
  c.hiddenSize = 2;
  c.numLayers = layers;
  c.bidirectional = bidirectional;
  return c;
}

// ---- the fused scan op ----

// One check per cell: a padded batch, both directions, gradients w.r.t. the input, the initial
// states, both weights and both biases, through every position (state and, for LSTM, cell).
::testing::AssertionResult checkScan(RnnCell cell, bool reverse) {
  const int64_t B = 3, T = 4, I = 3, H = 2, G = rnnGateCount(cell);
  const bool lstm = cell == RnnCell::Lstm;
  const std::vector<int64_t> lengths{4, 2, 3};
  return gradCheck(
      [&](const std::vector<Var>& v) {
        return rnnScan(cell, v[0], v[1], lstm ? v[6] : Var(), v[2], v[3], v[4], v[5], lengths,
                       reverse);
      },
      {rnd({B, T, I}, 1, -2, 2), rnd({B, H}, 2), rnd({G * H, I}, 3), rnd({G * H, H}, 4),
       rnd({G * H}, 5), rnd({G * H}, 6), rnd({B, H}, 7)});
}

TEST(RnnGrad, ScanTanhForwardAndReverseGrad) {
  EXPECT_TRUE(checkScan(RnnCell::Rnn, false));
  EXPECT_TRUE(checkScan(RnnCell::Rnn, true));
}

TEST(GruGrad, ScanForwardAndReverseGrad) {
  EXPECT_TRUE(checkScan(RnnCell::Gru, false));
  EXPECT_TRUE(checkScan(RnnCell::Gru, true));
}

TEST(LstmGrad, ScanForwardAndReverseGrad) {
  EXPECT_TRUE(checkScan(RnnCell::Lstm, false));
  EXPECT_TRUE(checkScan(RnnCell::Lstm, true));
}

TEST(GruGrad, ScanWithoutBiasOneStepGrad) {
  EXPECT_TRUE(gradCheck(
      [](const std::vector<Var>& v) {
        return rnnScan(RnnCell::Gru, v[0], v[1], Var(), v[2], v[3], Var(), Var(), {}, false);
      },
      {rnd({2, 3}, 1), rnd({2, 2}, 2), rnd({6, 3}, 3), rnd({6, 2}, 4)}));
}

// ---- the module: 1 layer unidirectional, full-length batch ----

TEST(RnnGrad, OneLayerTanhForwardGrad) {
  EXPECT_TRUE(checkForward(config(RnnCell::Rnn, 1, false), 2, 4, {}));
}

TEST(GruGrad, OneLayerForwardGrad) {
  EXPECT_TRUE(checkForward(config(RnnCell::Gru, 1, false), 2, 4, {}));
}

TEST(LstmGrad, OneLayerForwardGrad) {
  EXPECT_TRUE(checkForward(config(RnnCell::Lstm, 1, false), 2, 4, {}));
}

// ---- 2 layers, bidirectional, a padded batch of different lengths ----

TEST(RnnGrad, TwoLayerBidirectionalPaddedTanhForwardGrad) {
  EXPECT_TRUE(checkForward(config(RnnCell::Rnn, 2, true), 3, 4, {4, 1, 3}));
}

TEST(GruGrad, TwoLayerBidirectionalPaddedForwardGrad) {
  EXPECT_TRUE(checkForward(config(RnnCell::Gru, 2, true), 3, 4, {4, 1, 3}));
}

TEST(LstmGrad, TwoLayerBidirectionalPaddedForwardGrad) {
  EXPECT_TRUE(checkForward(config(RnnCell::Lstm, 2, true), 3, 4, {4, 1, 3}));
}

// ---- 2 layers, bidirectional, given initial states ----

TEST(LstmGrad, InitialStatesGrad) {
  const RnnConfig cfg = config(RnnCell::Lstm, 2, true);
  Random rng(7);
  Rnn rnn(cfg, rng);
  const int64_t B = 2, T = 3, H = cfg.hiddenSize;
  std::vector<Tensor> inputs{rnd({B, T, 3}, 11)};
  for (uint64_t k = 0; k < 8; ++k) inputs.push_back(rnd({B, H}, 20 + k));  // 4 × (h, c)
  for (Tensor& t : parameterValues(rnn)) inputs.push_back(t);
  EXPECT_TRUE(gradCheck(
      [&](const std::vector<Var>& v) {
        bindParameters(rnn, v, 9);
        std::vector<RnnState> init;
        for (size_t k = 0; k < 4; ++k) init.push_back({v[1 + 2 * k], v[2 + 2 * k]});
        return everything(rnn.forward(v[0], {3, 2}, init));
      },
      inputs));
}

// ---- the single-step API: two steps of a 2-layer decoder from given states ----

::testing::AssertionResult checkSteps(RnnCell cell) {
  const RnnConfig cfg = config(cell, 2, false);
  const bool lstm = cell == RnnCell::Lstm;
  Random rng(7);
  Rnn rnn(cfg, rng);
  const int64_t B = 2, H = cfg.hiddenSize;
  // x1, x2, then h (and c) of each layer, then the parameters.
  std::vector<Tensor> inputs{rnd({B, 3}, 11), rnd({B, 3}, 12)};
  const size_t stateInputs = lstm ? 4 : 2;
  for (size_t k = 0; k < stateInputs; ++k) inputs.push_back(rnd({B, H}, 20 + k));
  for (Tensor& t : parameterValues(rnn)) inputs.push_back(t);
  return gradCheck(
      [&](const std::vector<Var>& v) {
        bindParameters(rnn, v, 2 + stateInputs);
        std::vector<RnnState> states;
        for (size_t l = 0; l < 2; ++l)
          states.push_back(lstm ? RnnState{v[2 + 2 * l], v[3 + 2 * l]} : RnnState{v[2 + l], Var()});
        RnnStepResult first = rnn.step(v[0], states);
        RnnStepResult second = rnn.step(v[1], first.states);
        std::vector<Var> parts{flat(first.h), flat(second.h)};
        for (const RnnState& s : second.states) {
          parts.push_back(flat(s.h));
          if (s.c.defined()) parts.push_back(flat(s.c));
        }
        return concat(parts, 0);
      },
      inputs);
}

TEST(RnnGrad, TanhStepGrad) {
  EXPECT_TRUE(checkSteps(RnnCell::Rnn));
}
TEST(GruGrad, StepGrad) {
  EXPECT_TRUE(checkSteps(RnnCell::Gru));
}
TEST(LstmGrad, StepGrad) {
  EXPECT_TRUE(checkSteps(RnnCell::Lstm));
}

}  // namespace
}  // namespace attn
