// The recurrent layers (float32): forward values and gradients against PyTorch's nn.RNN, nn.GRU
// and nn.LSTM (golden files from tools/make_goldens.py), numbers worked by hand, the packed-
// sequence invariants (padding changes nothing, a sentence gives the same alone and in a batch),
// PyTorch's parameter names, a save/load round trip, the decoder step, and a task that converges.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>

#include "golden.h"
#include "io/safetensors.h"
#include "layers/basic.h"
#include "layers/rnn.h"
#include "optim/optimizer.h"
#include "random_tensor.h"
#include "test_paths.h"

namespace attn {
namespace {

using test::rnd;

using test::allClose;
using test::maxAbs;
using test::maxAbsDiff;

// golden.h's allClose() with an absolute tolerance of tol · max(1, max |expected|): float32
// rounding relative to the tensor's magnitude. The largest difference is also printed, so a
// run shows how close to PyTorch each tensor is.
::testing::AssertionResult closeTo(const Tensor& actual, const Tensor& expected, double tol,
                                   const std::string& what) {
  std::printf("  %-34s largest |diff| %.3g (max |value| %.3g)\n", what.c_str(),
              maxAbsDiff(actual, expected), maxAbs(expected));
  return allClose(actual, expected, tol * std::max(1.0, maxAbs(expected)), 0)
         << " (" << what << ")";
}

// Block k of a [K, B, H] tensor, as [B, H].
Tensor block(const Tensor& t, int64_t k) {
  const int64_t n = t.dim(1) * t.dim(2);
  Tensor out = Tensor::empty(Shape{t.dim(1), t.dim(2)});
  std::copy(t.data() + k * n, t.data() + (k + 1) * n, out.data());
  return out;
}

// Final states stacked as PyTorch's h_n / c_n: [L·D, B, H].
Tensor stack(const std::vector<Var>& vs) {
  const Shape s = vs[0].shape();
  Tensor out = Tensor::empty(Shape{static_cast<int64_t>(vs.size()), s[0], s[1]});
  for (size_t k = 0; k < vs.size(); ++k)
    std::copy(vs[k].value().data(), vs[k].value().data() + s.numel(),
              out.data() + static_cast<int64_t>(k) * s.numel());
  return out;
}

std::vector<int64_t> asLengths(const Tensor& t) {
  std::vector<int64_t> out;
  for (int64_t i = 0; i < t.numel(); ++i) out.push_back(std::llround(t[i]));
  return out;
}

// ---- against PyTorch ----

struct GoldenCase {
  const char* file;
  RnnCell cell;
  int64_t layers;
  bool bidirectional;
  bool initialState;  // the file gives h0 (and c0) and their gradients
};

// Loads the file's parameters by name, runs forward on its padded batch, and compares output,
// h_n, c_n; then back-propagates the file's loss Σ output ⊙ grad_output + Σ h_n ⊙ grad_h_n
// (+ c_n) and compares the gradients of the input, the initial states and every parameter.
void checkAgainstTorch(const GoldenCase& c) {
  const SafetensorsFile g =
      readSafetensors(std::string(ATTN_TEST_DATA_DIR) + "/golden/" + c.file + ".safetensors");
  std::map<std::string, Tensor> values(g.tensors.begin(), g.tensors.end());
  const Tensor& input = g.at("input");
  RnnConfig cfg;
  cfg.cell = c.cell;
  cfg.inputSize = input.dim(2);
  cfg.hiddenSize = g.at("weight_hh_l0").dim(1);
  cfg.numLayers = c.layers;
  cfg.bidirectional = c.bidirectional;
  Random rng(1);
  Rnn rnn(cfg, rng);
  rnn.loadParameters(values);
  const bool lstm = c.cell == RnnCell::Lstm;
  const int64_t states = c.layers * rnn.directions();

  Var x(input, true);
  std::vector<RnnState> init;
  if (c.initialState)
    for (int64_t k = 0; k < states; ++k)
      init.push_back(
          {Var(block(g.at("h0"), k), true), lstm ? Var(block(g.at("c0"), k), true) : Var()});
  const RnnOutput out = rnn.forward(x, asLengths(g.at("lengths")), init);
  std::vector<Var> hN, cN;
  for (const RnnState& s : out.final) {
    hN.push_back(s.h);
    if (lstm) cN.push_back(s.c);
  }
  std::printf("%s\n", c.file);
  EXPECT_TRUE(closeTo(out.output.value(), g.at("output"), 1e-5, "output"));
  EXPECT_TRUE(closeTo(stack(hN), g.at("h_n"), 1e-5, "h_n"));
  if (lstm) {
    EXPECT_TRUE(closeTo(stack(cN), g.at("c_n"), 1e-5, "c_n"));
  }

  Var loss = sum(mul(out.output, Var(g.at("grad_output"))));
  for (int64_t k = 0; k < states; ++k) {
    loss = add(loss, sum(mul(hN[size_t(k)], Var(block(g.at("grad_h_n"), k)))));
    if (lstm) loss = add(loss, sum(mul(cN[size_t(k)], Var(block(g.at("grad_c_n"), k)))));
  }
  EXPECT_TRUE(closeTo(loss.value(), g.at("loss"), 1e-5, "loss"));
  loss.backward();
  // Gradients sum over more terms than values do, so they get a little more room.
  const double gradTol = 2e-5;
  EXPECT_TRUE(closeTo(x.grad(), g.at("grad.input"), gradTol, "grad.input"));
  if (c.initialState) {
    std::vector<Var> h0, c0;
    for (const RnnState& s : init) {
      h0.push_back(Var(s.h.grad()));
      if (lstm) c0.push_back(Var(s.c.grad()));
    }
    EXPECT_TRUE(closeTo(stack(h0), g.at("grad.h0"), gradTol, "grad.h0"));
    if (lstm) {
      EXPECT_TRUE(closeTo(stack(c0), g.at("grad.c0"), gradTol, "grad.c0"));
    }
  }
  for (const auto& [name, p] : rnn.namedParameters())
    EXPECT_TRUE(closeTo(p.grad(), g.at("grad." + name), gradTol, "grad." + name));
}

TEST(Rnn, TanhOneLayerWithInitialStateMatchesTorch) {
  checkAgainstTorch({"rnn_unidir_1layer", RnnCell::Rnn, 1, false, true});
}
TEST(Rnn, TanhTwoLayerBidirectionalPaddedMatchesTorch) {
  checkAgainstTorch({"rnn_bidir_2layer", RnnCell::Rnn, 2, true, false});
}
TEST(Gru, OneLayerWithInitialStateMatchesTorch) {
  checkAgainstTorch({"gru_unidir_1layer", RnnCell::Gru, 1, false, true});
}
TEST(Gru, TwoLayerBidirectionalPaddedMatchesTorch) {
  checkAgainstTorch({"gru_bidir_2layer", RnnCell::Gru, 2, true, false});
}
TEST(Lstm, OneLayerWithInitialStateMatchesTorch) {
  checkAgainstTorch({"lstm_unidir_1layer", RnnCell::Lstm, 1, false, true});
}
TEST(Lstm, TwoLayerBidirectionalPaddedMatchesTorch) {
  checkAgainstTorch({"lstm_bidir_2layer", RnnCell::Lstm, 2, true, false});
}

// ---- by hand ----

TEST(Rnn, TanhBidirectionalByHand) {
  // One unit, input size 1: w_ih 0.5, w_hh −1, b_ih 0.1, b_hh 0.2 in both directions, x = 1, 2.
  RnnConfig cfg{RnnCell::Rnn, 1, 1, 1, true, true};
  Random rng(1);
  Rnn rnn(cfg, rng);
  std::map<std::string, Tensor> w;
  for (const char* suffix : {"_l0", "_l0_reverse"}) {
    w[std::string("weight_ih") + suffix] = Tensor::fromVector({1, 1}, {0.5f});
    w[std::string("weight_hh") + suffix] = Tensor::fromVector({1, 1}, {-1});
    w[std::string("bias_ih") + suffix] = Tensor::fromVector({1}, {0.1f});
    w[std::string("bias_hh") + suffix] = Tensor::fromVector({1}, {0.2f});
  }
  rnn.loadParameters(w);
  const RnnOutput out = rnn.forward(Var(Tensor::fromVector({1, 2, 1}, {1, 2})));
  const double f0 = std::tanh(0.5 + 0.3), f1 = std::tanh(1.0 + 0.3 - f0);
  const double b1 = std::tanh(1.0 + 0.3), b0 = std::tanh(0.5 + 0.3 - b1);  // starts at x = 2
  const std::vector<double> expected{f0, b0, f1, b1};  // position j is [fwd_j ; bwd_j]
  ASSERT_EQ(out.output.shape(), (Shape{1, 2, 2}));
  for (int i = 0; i < 4; ++i) EXPECT_NEAR(out.output.value()[i], expected[size_t(i)], 1e-6);
  EXPECT_NEAR(out.final[0].h.value()[0], f1, 1e-6);  // forward: after the last token
  EXPECT_NEAR(out.final[1].h.value()[0], b0, 1e-6);  // backward: after the first token
}

// ---- packed-sequence invariants ----

RnnConfig smallConfig(RnnCell cell, int64_t layers, bool bidirectional) {
  return RnnConfig{cell, 4, 5, layers, bidirectional, true};
}

// Each sequence of a padded batch, run alone at its own length, gives the same output and
// final states (up to the summation order of a batched matrix product).
void checkAloneEqualsBatched(RnnCell cell) {
  Random rng(3);
  Rnn rnn(smallConfig(cell, 2, true), rng);
  const int64_t B = 3, T = 6, I = 4, HD = 10;
  const std::vector<int64_t> lengths{6, 2, 4};
  const Tensor x = rnd({B, T, I}, 5);
  const RnnOutput batch = rnn.forward(Var(x), lengths);
  for (int64_t b = 0; b < B; ++b) {
    const int64_t len = lengths[size_t(b)];
    Tensor xb = Tensor::empty(Shape{1, len, I});
    std::copy(x.data() + b * T * I, x.data() + (b * T + len) * I, xb.data());
    const RnnOutput alone = rnn.forward(Var(xb));
    double worst = 0;
    for (int64_t i = 0; i < len * HD; ++i)
      worst = std::max(
          worst, double(std::abs(alone.output.value()[i] - batch.output.value()[b * T * HD + i])));
    for (size_t k = 0; k < batch.final.size(); ++k)
      for (int64_t j = 0; j < 5; ++j) {
        worst = std::max(worst, double(std::abs(alone.final[k].h.value()[j] -
                                                batch.final[k].h.value()[b * 5 + j])));
        if (cell == RnnCell::Lstm)
          worst = std::max(worst, double(std::abs(alone.final[k].c.value()[j] -
                                                  batch.final[k].c.value()[b * 5 + j])));
      }
    EXPECT_LE(worst, 1e-6) << "sequence " << b << " (length " << len << "): largest |diff| "
                           << worst;
  }
}

TEST(Rnn, TanhSentenceSameAloneAndInPaddedBatch) {
  checkAloneEqualsBatched(RnnCell::Rnn);
}
TEST(Gru, SentenceSameAloneAndInPaddedBatch) {
  checkAloneEqualsBatched(RnnCell::Gru);
}
TEST(Lstm, SentenceSameAloneAndInPaddedBatch) {
  checkAloneEqualsBatched(RnnCell::Lstm);
}

// Padded outputs are exactly 0, the padding values change nothing at all, and no gradient
// reaches the padded inputs.
void checkPaddingHasNoEffect(RnnCell cell) {
  Random rng(3);
  Rnn rnn(smallConfig(cell, 2, true), rng);
  const int64_t B = 3, T = 5, I = 4, HD = 10;
  const std::vector<int64_t> lengths{2, 5, 3};
  Tensor x1 = rnd({B, T, I}, 5), x2 = x1;
  for (int64_t b = 0; b < B; ++b)
    for (int64_t t = lengths[size_t(b)]; t < T; ++t)
      for (int64_t i = 0; i < I; ++i) x2[(b * T + t) * I + i] = 100.0f * float(i + 1);
  Var v1(x1, true);
  const RnnOutput a = rnn.forward(v1, lengths);
  const RnnOutput c = rnn.forward(Var(x2), lengths);
  EXPECT_TRUE((a.output.value().arr() == c.output.value().arr()).all());
  for (size_t k = 0; k < a.final.size(); ++k)
    EXPECT_TRUE((a.final[k].h.value().arr() == c.final[k].h.value().arr()).all());
  for (int64_t b = 0; b < B; ++b)
    for (int64_t t = lengths[size_t(b)]; t < T; ++t)
      for (int64_t j = 0; j < HD; ++j)
        EXPECT_EQ(a.output.value()[(b * T + t) * HD + j], 0.0f) << "b " << b << " t " << t;
  Var loss = sum(a.output);
  for (const RnnState& s : a.final) loss = add(loss, sum(s.h));
  loss.backward();
  for (int64_t b = 0; b < B; ++b)
    for (int64_t t = lengths[size_t(b)]; t < T; ++t)
      for (int64_t i = 0; i < I; ++i) EXPECT_EQ(v1.grad()[(b * T + t) * I + i], 0.0f);
}

TEST(Rnn, TanhPaddingIsZeroAndHasNoEffect) {
  checkPaddingHasNoEffect(RnnCell::Rnn);
}
TEST(Gru, PaddingIsZeroAndHasNoEffect) {
  checkPaddingHasNoEffect(RnnCell::Gru);
}
TEST(Lstm, PaddingIsZeroAndHasNoEffect) {
  checkPaddingHasNoEffect(RnnCell::Lstm);
}

TEST(Rnn, BadLengthsAreUserErrors) {
  Random rng(1);
  Rnn rnn(smallConfig(RnnCell::Gru, 1, false), rng);
  const Var x(rnd({2, 3, 4}, 1));
  EXPECT_THROW(rnn.forward(x, {3, 0}), Error);
  EXPECT_THROW(rnn.forward(x, {4, 1}), Error);
  EXPECT_THROW(rnn.forward(x, {3}), Error);
  EXPECT_THROW(parseRnnCell("transformer"), Error);
  EXPECT_EQ(parseRnnCell("lstm"), RnnCell::Lstm);
}

// ---- parameters ----

TEST(Lstm, ParameterNamesAndShapesAreTorchs) {
  // nn.LSTM(4, 5, num_layers=2, bidirectional=True).state_dict(), in its order.
  Random rng(1);
  Rnn rnn(smallConfig(RnnCell::Lstm, 2, true), rng);
  const std::vector<std::pair<std::string, Shape>> expected{{"weight_ih_l0", {20, 4}},
                                                            {"weight_hh_l0", {20, 5}},
                                                            {"bias_ih_l0", {20}},
                                                            {"bias_hh_l0", {20}},
                                                            {"weight_ih_l0_reverse", {20, 4}},
                                                            {"weight_hh_l0_reverse", {20, 5}},
                                                            {"bias_ih_l0_reverse", {20}},
                                                            {"bias_hh_l0_reverse", {20}},
                                                            {"weight_ih_l1", {20, 10}},
                                                            {"weight_hh_l1", {20, 5}},
                                                            {"bias_ih_l1", {20}},
                                                            {"bias_hh_l1", {20}},
                                                            {"weight_ih_l1_reverse", {20, 10}},
                                                            {"weight_hh_l1_reverse", {20, 5}},
                                                            {"bias_ih_l1_reverse", {20}},
                                                            {"bias_hh_l1_reverse", {20}}};
  const NamedParameters params = rnn.namedParameters("encoder.rnn.");
  ASSERT_EQ(params.size(), expected.size());
  for (size_t i = 0; i < params.size(); ++i) {
    EXPECT_EQ(params[i].first, "encoder.rnn." + expected[i].first);
    EXPECT_EQ(params[i].second.shape(), expected[i].second) << expected[i].first;
  }
  // PyTorch's init: U(−1/√H, 1/√H) for every parameter.
  for (const auto& [name, p] : params) EXPECT_LE(maxAbs(p.value()), 1 / std::sqrt(5.0)) << name;
}

TEST(Gru, SaveLoadRoundTripGivesSameOutputs) {
  Random rngA(1), rngB(2);
  Rnn a(smallConfig(RnnCell::Gru, 2, true), rngA), b(smallConfig(RnnCell::Gru, 2, true), rngB);
  NamedTensors saved;
  for (const auto& [name, p] : a.namedParameters()) saved.emplace_back(name, p.value());
  const std::vector<uint8_t> bytes = serializeSafetensors(saved);
  const SafetensorsFile f = parseSafetensors(bytes.data(), bytes.size(), "memory");
  EXPECT_TRUE(
      b.loadParameters(std::map<std::string, Tensor>(f.tensors.begin(), f.tensors.end())).empty());
  const Var x(rnd({2, 3, 4}, 9));
  EXPECT_TRUE(
      (a.forward(x, {3, 2}).output.value().arr() == b.forward(x, {3, 2}).output.value().arr())
          .all());
}

// ---- the decoder step ----

// T calls of step() give what one forward() over the sequence gives.
void checkStepsEqualForward(RnnCell cell) {
  Random rng(4);
  Rnn rnn(smallConfig(cell, 2, false), rng);
  const int64_t B = 2, T = 4, I = 4, H = 5;
  const Tensor x = rnd({B, T, I}, 6);
  std::vector<RnnState> init;
  for (uint64_t l = 0; l < 2; ++l)
    init.push_back(
        {Var(rnd({B, H}, 10 + l)), cell == RnnCell::Lstm ? Var(rnd({B, H}, 20 + l)) : Var()});
  const RnnOutput full = rnn.forward(Var(x), {}, init);
  std::vector<RnnState> states = init;
  double worst = 0;
  for (int64_t t = 0; t < T; ++t) {
    Tensor xt = Tensor::empty(Shape{B, I});
    for (int64_t b = 0; b < B; ++b)
      std::copy(x.data() + (b * T + t) * I, x.data() + (b * T + t + 1) * I, xt.data() + b * I);
    const RnnStepResult r = rnn.step(Var(xt), states);
    states = r.states;
    for (int64_t b = 0; b < B; ++b)
      for (int64_t j = 0; j < H; ++j)
        worst = std::max(worst, double(std::abs(r.h.value()[b * H + j] -
                                                full.output.value()[(b * T + t) * H + j])));
  }
  for (size_t l = 0; l < 2; ++l) {
    worst = std::max(
        worst,
        double((states[l].h.value().arr() - full.final[l].h.value().arr()).abs().maxCoeff()));
    if (cell == RnnCell::Lstm)
      worst = std::max(
          worst,
          double((states[l].c.value().arr() - full.final[l].c.value().arr()).abs().maxCoeff()));
  }
  EXPECT_LE(worst, 1e-6) << "largest |diff| " << worst;
}

TEST(Rnn, TanhStepsEqualForward) {
  checkStepsEqualForward(RnnCell::Rnn);
}
TEST(Gru, StepsEqualForward) {
  checkStepsEqualForward(RnnCell::Gru);
}
TEST(Lstm, StepsEqualForward) {
  checkStepsEqualForward(RnnCell::Lstm);
}

// ---- a task that converges ----

// A GRU + Linear learns to name the first token of a sequence (4 symbols, one-hot, lengths 2–5,
// padded batch), read from the final state: it must carry the first token through every step.
TEST(Gru, LearnsFirstTokenOfSequence) {
  const auto start = std::chrono::steady_clock::now();
  const int64_t V = 4, H = 16, B = 32, T = 5;
  Random rng(42);
  Rnn gru(RnnConfig{RnnCell::Gru, V, H, 1, false, true}, rng);
  Linear head(H, V, true, rng);
  std::vector<Var> params = gru.parameters();
  for (const Var& p : head.parameters()) params.push_back(p);
  Adam adam(params, 0.02);

  Random data(7);
  auto batch = [&](Tensor& x, std::vector<int64_t>& lengths, std::vector<int64_t>& first) {
    x = Tensor::zeros(Shape{B, T, V});
    lengths.assign(size_t(B), 0);
    first.assign(size_t(B), 0);
    for (int64_t b = 0; b < B; ++b) {
      lengths[size_t(b)] = 2 + data.below(T - 1);
      for (int64_t t = 0; t < lengths[size_t(b)]; ++t) {
        const int64_t tok = data.below(V);
        if (t == 0) first[size_t(b)] = tok;
        x[(b * T + t) * V + tok] = 1;
      }
    }
  };
  auto lossAndAccuracy = [&](const Tensor& x, const std::vector<int64_t>& lengths,
                             const std::vector<int64_t>& first, double* accuracy) {
    const Var logits = head.forward(gru.forward(Var(x), lengths).final[0].h);  // [B, V]
    if (accuracy) {
      int correct = 0;
      for (int64_t b = 0; b < B; ++b) {
        Eigen::Index arg;
        logits.value().mat().row(b).maxCoeff(&arg);
        correct += arg == first[size_t(b)];
      }
      *accuracy = double(correct) / double(B);
    }
    return crossEntropy(logits, first, -1);
  };

  Tensor x;
  std::vector<int64_t> lengths, first;
  double firstLoss = 0, lastLoss = 0;
  for (int it = 0; it < 300; ++it) {
    batch(x, lengths, first);
    adam.zeroGrad();
    Var loss = lossAndAccuracy(x, lengths, first, nullptr);
    if (it == 0) firstLoss = loss.value().item();
    lastLoss = loss.value().item();
    loss.backward();
    adam.step();
  }
  double accuracy = 0;
  batch(x, lengths, first);  // unseen
  {
    NoGradGuard noGrad;
    lossAndAccuracy(x, lengths, first, &accuracy);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("  loss %.3f -> %.4f, held-out accuracy %.2f, %.2f s\n", firstLoss, lastLoss,
              accuracy, seconds);
  EXPECT_LT(lastLoss, 0.1 * firstLoss);
  EXPECT_GE(accuracy, 0.95);
}

}  // namespace
}  // namespace attn
