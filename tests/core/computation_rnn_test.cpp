// The computation laid bare for RNN attention (core/explain/computation.h): recomputed from the
// parameters, the weights and scores are the decoder's (the trace's) for every score function,
// cell, layout and input feeding; the context is the weighted sum of the keys and the decoder's
// own; the next-token probabilities are the trace's; and on a model whose every parameter is
// set by hand, each formula gives the numbers worked out here from the formula alone.
#include <gtest/gtest.h>

#include <cmath>

#include "decode/decoder.h"
#include "decode_models.h"
#include "explain/computation.h"
#include "golden.h"
#include "trace/trace.h"

namespace attn {
namespace {

using explain::Computation;
using explain::ComputationExplainer;
using explain::ComputationInput;
using explain::ComputationRequest;
using explain::HeadComputation;
using explain::ScoreFormula;

// Every step of `trace` explained, and held against what the decoder recorded.
void expectRnnAgreesWithTrace(const Model& m, const Trace& trace) {
  const ComputationExplainer explainer(m);
  const auto& vocab = m.tgtVocab.toList();
  for (int step = 0; step < static_cast<int>(trace.targetTokens.size()); ++step) {
    SCOPED_TRACE("step " + std::to_string(step));
    ComputationRequest r;
    r.step = step;
    r.topK = 4;
    const Computation c = explainer.explain(trace, r);
    ASSERT_EQ(c.heads.size(), 1u);
    const HeadComputation& head = c.heads[0];
    ASSERT_EQ(head.keys.size(), trace.sourceTokens.size());
    EXPECT_LE(c.weightDifference, 1e-5);
    ASSERT_GE(c.scoreDifference, 0.0);  // RNN traces carry the scores
    double largest = 0;
    for (const auto& k : head.keys) largest = std::max(largest, std::abs(k.score));
    EXPECT_LE(c.scoreDifference, 1e-5 * std::max(1.0, largest));

    // The softmax and the weighted sum, from the terms the computation shows.
    double sum = 0;
    for (const auto& k : head.keys) sum += std::exp(k.score - head.maxScore);
    std::vector<double> context(head.keys[0].value.size(), 0.0);
    for (size_t j = 0; j < head.keys.size(); ++j) {
      const auto& k = head.keys[j];
      EXPECT_NEAR(k.weight, std::exp(k.score - head.maxScore) / sum, 1e-12);
      EXPECT_EQ(k.token, trace.sourceTokens[j]);
      for (size_t i = 0; i < context.size(); ++i) context[i] += k.weight * k.value[i];
    }
    ASSERT_EQ(head.output.size(), context.size());
    for (size_t i = 0; i < context.size(); ++i) EXPECT_NEAR(head.output[i], context[i], 1e-12);

    // Greedy and beam traces hold the decoder's own query and context.
    const TraceStep& s = trace.steps[size_t(step)];
    if (!s.context.empty()) {
      ASSERT_EQ(s.context.size(), head.output.size());
      ASSERT_EQ(s.query.size(), head.query.size());
      for (size_t i = 0; i < context.size(); ++i) EXPECT_NEAR(head.output[i], s.context[i], 1e-5);
      for (size_t i = 0; i < head.query.size(); ++i) EXPECT_NEAR(head.query[i], s.query[i], 1e-6);
    }

    // The output layer, recomputed: the trace's probabilities.
    const std::vector<float>& lp = trace.logProbs[size_t(step)];
    ASSERT_EQ(c.next.size(), 4u);
    for (const auto& t : c.next) {
      const size_t id = size_t(std::find(vocab.begin(), vocab.end(), t.token) - vocab.begin());
      ASSERT_LT(id, vocab.size());
      EXPECT_NEAR(t.prob, std::exp(lp[id]), 1e-5) << t.token;
    }
    EXPECT_EQ(c.chosen, trace.targetTokens[size_t(step)]);
    EXPECT_NEAR(c.chosenProb, std::exp(lp[size_t(m.tgtVocab.id(c.chosen))]), 1e-5);
  }
}

// Every score, with each cell, with and without input feeding, one and two layers.
std::vector<nlohmann::json> allVariants() {
  using test::rnnConfig;
  std::vector<nlohmann::json> out;
  for (const char* cell : {"rnn", "gru", "lstm"}) {
    out.push_back(rnnConfig(cell, "bahdanau", "additive", true, 1));
    out.push_back(rnnConfig(cell, "bahdanau", "general", true, 2));
    out.push_back(rnnConfig(cell, "bahdanau", "dot", false, 1));
    out.push_back(rnnConfig(cell, "luong", "dot", false, 2, false));
    out.push_back(rnnConfig(cell, "luong", "dot", false, 1, true));
    out.push_back(rnnConfig(cell, "luong", "general", true, 1, false));
    out.push_back(rnnConfig(cell, "luong", "general", true, 2, true));
    out.push_back(rnnConfig(cell, "luong", "additive", true, 1, true));
  }
  return out;
}

TEST(ComputationRnn, RecomputedNumbersAreTheDecodersForEveryScoreCellAndInputFeeding) {
  for (const nlohmann::json& config : allVariants()) {
    SCOPED_TRACE(config.dump());
    const Model m = test::smallModel(config, 11);
    expectRnnAgreesWithTrace(m, decodeGreedy(m, "h g c a b").trace);
  }
}

TEST(ComputationRnn, BeamAndForcedTracesAgreeToo) {
  const Model m = test::smallModel(test::rnnConfig("lstm", "luong", "general", true, 2, true), 3);
  DecodeOptions o;
  o.beamWidth = 3;
  expectRnnAgreesWithTrace(m, decodeBeam(m, "a b c d", o).trace);
  // A forced target with a word the vocabulary lacks: the model read <unk> there.
  const DecodeResult forced = inspectForced(m, "a zebra c", "w1 nope w2");
  expectRnnAgreesWithTrace(m, forced.trace);
}

TEST(ComputationRnn, PyTorchModelFilesAgree) {
  for (const char* name :
       {"seq2seq_gru_bidir_bahdanau_additive", "seq2seq_lstm_2layer_luong_general_feeding",
        "seq2seq_rnn_luong_dot", "seq2seq_lstm_bidir_bahdanau_general"}) {
    SCOPED_TRACE(name);
    const Model m = loadModel(
        test::testDataPath(std::string("golden/models/model_files/") + name + ".safetensors"));
    expectRnnAgreesWithTrace(m, decodeGreedy(m, "le chat noir dort").trace);
  }
}

// ---- by hand ----

// E = H = 2, one unidirectional tanh-RNN layer, every parameter zero but those set below:
//   source embeddings a = (1, 0), b = (0, 1), <eos> = 0; encoder W_ih = [[.5, 1], [−1, .25]],
//   no recurrence, so h_a = tanh(.5, −1), h_b = tanh(1, .25), h_<eos> = 0;
//   bridge bias (.4, −.3), so s_0 = tanh(.4, −.3);
//   decoder embedding <sos> = (1, −1), W_ih = [[.3, 0], [0, .6]] (Luong), so s_1 = tanh(.3, −.6).
Model handModel(const std::string& attention, const std::string& score) {
  nlohmann::json config = test::rnnConfig("rnn", attention, score, false, 1);
  config["embed_dim"] = 2;
  config["hidden_dim"] = 2;
  config["attention_dim"] = 2;
  Model m = createModel(config, data::TokenizerKind::Word, test::vocabularyOf({"a", "b"}),
                        test::vocabularyOf({"x", "y"}), data::LabelVocabulary(), 1);
  for (auto& [n, p] : m.network().namedParameters()) p.mutableValue().setZero();
  test::setParameter(m, "encoder.embedding.weight", {0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1});
  test::setParameter(m, "encoder.rnn.weight_ih_l0", {.5f, 1, -1, .25f});
  test::setParameter(m, "bridge.bias", {.4f, -.3f});
  test::setParameter(m, "decoder.embedding.weight", {0, 0, 0, 0, 1, -1, 0, 0, 0, 0, 0, 0});
  if (attention == "luong") test::setParameter(m, "decoder.rnn.weight_ih_l0", {.3f, 0, 0, .6f});
  if (score == "general") test::setParameter(m, "decoder.attention.W.weight", {1, 2, 0, -1});
  if (score == "additive") {
    test::setParameter(m, "decoder.attention.query.weight", {1, 0, .5f, -1});
    test::setParameter(m, "decoder.attention.key.weight", {-1, 1, 2, 0});
    test::setParameter(m, "decoder.attention.v.weight", {1.5f, -.5f});
  }
  return m;
}

ComputationInput handRnnInput() {
  return {{"a", "b", "<eos>"}, {"x", "<eos>"}, {4, 5, 3}, {4, 3}};
}

struct Expected {
  std::vector<double> q;
  std::vector<std::vector<double>> h;
  std::vector<double> scores;
};

// The keys and softmax every hand case shares: weights and context from the expected scores.
void expectHand(const Computation& c, const Expected& e, ScoreFormula formula) {
  ASSERT_EQ(c.heads.size(), 1u);
  const HeadComputation& head = c.heads[0];
  EXPECT_EQ(head.formula, formula);
  ASSERT_EQ(head.keys.size(), 3u);
  for (size_t i = 0; i < 2; ++i) EXPECT_NEAR(head.query[i], e.q[i], 1e-7);
  double z = 0;
  for (double s : e.scores) z += std::exp(s);
  std::vector<double> context(2, 0.0);
  for (size_t j = 0; j < 3; ++j) {
    const double a = std::exp(e.scores[j]) / z;
    for (size_t i = 0; i < 2; ++i) {
      EXPECT_NEAR(head.keys[j].key[i], e.h[j][i], 1e-7);
      context[i] += a * e.h[j][i];
    }
    EXPECT_NEAR(head.keys[j].score, e.scores[j], 1e-6) << "key " << j;
    EXPECT_NEAR(head.keys[j].weight, a, 1e-6) << "key " << j;
  }
  for (size_t i = 0; i < 2; ++i) EXPECT_NEAR(head.output[i], context[i], 1e-6);
}

const std::vector<std::vector<double>> kKeys = {
    {std::tanh(.5), std::tanh(-1.0)}, {std::tanh(1.0), std::tanh(.25)}, {0, 0}};

TEST(ComputationRnn, DotScoreByHand) {
  // Bahdanau's query at step 0 is s_0; e_j = s_0 · h_j.
  const Model m = handModel("bahdanau", "dot");
  const Computation c = ComputationExplainer(m).explain(handRnnInput(), {});
  const std::vector<double> q = {std::tanh(.4), std::tanh(-.3)};
  std::vector<double> e;
  for (const auto& h : kKeys) e.push_back(q[0] * h[0] + q[1] * h[1]);
  expectHand(c, {q, kKeys, e}, ScoreFormula::Dot);
  EXPECT_EQ(c.attention, "bahdanau");
}

TEST(ComputationRnn, GeneralScoreByHand) {
  // Luong's query at step 0 is s_1; e_j = s_1ᵀ W h_j with W = [[1, 2], [0, −1]].
  const Model m = handModel("luong", "general");
  const Computation c = ComputationExplainer(m).explain(handRnnInput(), {});
  const std::vector<double> q = {std::tanh(.3), std::tanh(-.6)};
  std::vector<double> e;
  for (const auto& h : kKeys) {
    const double w0 = h[0] + 2 * h[1], w1 = -h[1];
    e.push_back(q[0] * w0 + q[1] * w1);
  }
  expectHand(c, {q, kKeys, e}, ScoreFormula::General);
  EXPECT_NEAR(c.heads[0].keys[0].projected[0], kKeys[0][0] + 2 * kKeys[0][1], 1e-7);
  // Luong's readout h̃_1 = tanh(W_c [c_1; s_1]), W_c all zero here: h̃ = 0, each of the 6 tokens 1/6.
  ASSERT_EQ(c.readout.size(), 2u);
  for (const auto& t : c.next) EXPECT_NEAR(t.prob, 1.0 / 6, 1e-7);
}

TEST(ComputationRnn, AdditiveScoreByHand) {
  // e_j = vᵀ tanh(W_q s_0 + W_k h_j), W_q = [[1, 0], [.5, −1]], W_k = [[−1, 1], [2, 0]],
  // v = (1.5, −.5).
  const Model m = handModel("bahdanau", "additive");
  const Computation c = ComputationExplainer(m).explain(handRnnInput(), {});
  const std::vector<double> q = {std::tanh(.4), std::tanh(-.3)};
  const double wq0 = q[0], wq1 = .5 * q[0] - q[1];
  std::vector<double> e;
  for (const auto& h : kKeys) {
    const double t0 = std::tanh(wq0 + (-h[0] + h[1])), t1 = std::tanh(wq1 + 2 * h[0]);
    e.push_back(1.5 * t0 - .5 * t1);
  }
  expectHand(c, {q, kKeys, e}, ScoreFormula::Additive);
  EXPECT_NEAR(c.heads[0].projectedQuery[1], wq1, 1e-7);
  EXPECT_NEAR(c.heads[0].keys[1].hidden[0], std::tanh(wq0 - kKeys[1][0] + kKeys[1][1]), 1e-7);
  EXPECT_EQ(c.heads[0].v, (std::vector<double>{1.5, -.5}));  // shown, so the sum can be redone
  // Bahdanau's readout is [s_1; c_1]; with the decoder RNN's weights zero, s_1 = 0.
  ASSERT_EQ(c.readout.size(), 4u);
  EXPECT_EQ(c.readout[0], 0.0);
  EXPECT_NEAR(c.readout[2], c.heads[0].output[0], 1e-12);
}

// ---- refusals ----

TEST(ComputationRnn, RefusesWhatItCannotExplain) {
  const Model none = test::smallModel(test::rnnConfig("gru", "none", "", true, 1), 1);
  EXPECT_THROW(ComputationExplainer{none}, Error);
  const Model m = test::smallModel(test::rnnConfig("gru", "bahdanau", "additive", true, 1), 1);
  const ComputationExplainer explainer(m);
  const Trace trace = decodeGreedy(m, "a b").trace;
  ComputationRequest r;
  r.step = static_cast<int>(trace.targetTokens.size());
  EXPECT_THROW(explainer.explain(trace, r), Error);
  r.step = 0;
  r.map = MapKind::DecoderSelf;
  EXPECT_THROW(explainer.explain(trace, r), Error);
  r.map = MapKind::Cross;
  r.layer = 1;
  EXPECT_THROW(explainer.explain(trace, r), Error);
  r.layer = 0;
  r.topK = 0;
  EXPECT_THROW(explainer.explain(trace, r), Error);
  // Another model's trace.
  const Model other = test::smallModel(test::rnnConfig("lstm", "luong", "dot", false, 1), 1);
  EXPECT_THROW(ComputationExplainer(other).explain(trace, ComputationRequest{}), Error);
}

}  // namespace
}  // namespace attn
