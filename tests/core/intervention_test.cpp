// Interventions on RNN attention models (core/explain/intervention.h): an empty or identity
// intervention changes nothing, bit for bit; a zeroed row zeroes the context and gives the
// output distribution worked out by hand; a one-hot row reads exactly one encoder annotation;
// renormalising is a choice the trace shows; a forced token is fed to the next steps as
// teacher forcing feeds it; and every bad edit is refused with a message.
#include <gtest/gtest.h>

#include <cmath>

#include "decode/decoder.h"
#include "decode_checks.h"
#include "decode_models.h"
#include "explain/intervention.h"
#include "golden.h"
#include "layers/rnn.h"

namespace attn {
namespace {

using test::rnnConfig;
using test::smallModel;

const Tensor& param(const Model& m, const std::string& name) {
  for (const auto& [n, v] : m.network().namedParameters())
    if (n == name) return v.value();
  throw std::runtime_error("no parameter " + name);
}

void expectSameMapsAndSteps(const DecodeResult& a, const DecodeResult& b) {
  EXPECT_EQ(a.outputIds, b.outputIds);
  EXPECT_EQ(a.trace.targetTokens, b.trace.targetTokens);
  EXPECT_EQ(a.trace.logProbs, b.trace.logProbs);  // bit for bit
  ASSERT_EQ(a.trace.attention.size(), b.trace.attention.size());
  for (const auto& [name, map] : a.trace.attention)
    EXPECT_EQ(map.values, b.trace.attention.at(name).values) << name;
  ASSERT_EQ(a.trace.steps.size(), b.trace.steps.size());
  for (size_t t = 0; t < a.trace.steps.size(); ++t) {
    EXPECT_EQ(a.trace.steps[t].context, b.trace.steps[t].context) << "step " << t;
    EXPECT_EQ(a.trace.steps[t].query, b.trace.steps[t].query) << "step " << t;
    EXPECT_EQ(a.trace.steps[t].scores, b.trace.steps[t].scores) << "step " << t;
  }
  EXPECT_EQ(a.logProb, b.logProb);
}

std::vector<double> crossRow(const Trace& t, int step, int layer = 0, int head = 0) {
  const AttentionMap& m = t.attention.at(MapKind::Cross);
  std::vector<double> row;
  for (int k = 0; k < m.keys; ++k) row.push_back(m.at(layer, head, step, k));
  return row;
}

std::vector<nlohmann::json> attentionVariants() {
  return {rnnConfig("gru", "bahdanau", "additive", true, 1),
          rnnConfig("lstm", "luong", "general", false, 2, true),
          rnnConfig("rnn", "luong", "dot", false, 1)};
}

TEST(Intervention, EmptyInterventionGivesGreedysResultBitForBit) {
  std::vector<nlohmann::json> configs = attentionVariants();
  configs.push_back(rnnConfig("gru", "none", "", true, 2));
  for (const nlohmann::json& c : configs) {
    SCOPED_TRACE(c.dump());
    const Model m = smallModel(c, 3);
    expectSameMapsAndSteps(decodeWithIntervention(m, "a b c d", {}), decodeGreedy(m, "a b c d"));
  }
}

TEST(Intervention, ARowReplacedByItselfGivesTheIdenticalTrace) {
  for (const nlohmann::json& c : attentionVariants())
    for (uint64_t seed : {4, 5}) {
      SCOPED_TRACE(c.dump() + " seed " + std::to_string(seed));
      const Model m = smallModel(c, seed);
      const DecodeResult before = decodeGreedy(m, "c a f b");
      Intervention iv;
      for (int t = 0; t < static_cast<int>(before.trace.targetTokens.size()); ++t)
        iv.rows.push_back({t, 0, -1, crossRow(before.trace, t), false});
      expectSameMapsAndSteps(decodeWithIntervention(m, "c a f b", iv), before);
    }
}

// Luong's attention without input feeding reads s_i after the RNN step, so with the context
// zeroed, h̃_i = tanh(W_c [0; s_i]) and the log-probs are log softmax(W_o h̃_i + b_o): worked
// here in double from the parameters and the step's query s_i, which the edit cannot change.
TEST(Intervention, AZeroedRowZeroesTheContextAndGivesTheOutputWorkedByHand) {
  const Model m = smallModel(rnnConfig("gru", "luong", "general", true, 1), 7);
  const DecodeResult before = decodeGreedy(m, "b d a");
  const int step = 1;
  Intervention iv;
  iv.rows.push_back(zeroRow(step, 4));
  const DecodeResult after = decodeWithIntervention(m, "b d a", iv);
  ASSERT_GT(after.trace.steps.size(), size_t(step));
  const TraceStep& s = after.trace.steps[step];
  for (float c : s.context) EXPECT_EQ(c, 0.0f);
  EXPECT_EQ(crossRow(after.trace, step), std::vector<double>(4, 0.0));
  EXPECT_EQ(s.query, before.trace.steps[step].query);  // the steps before are untouched
  EXPECT_EQ(after.trace.logProbs[0], before.trace.logProbs[0]);

  const Tensor& wc = param(m, "decoder.combine.weight");  // [H, K + H], context first
  const Tensor& wo = param(m, "decoder.out.weight");      // [V, H]
  const Tensor& bo = param(m, "decoder.out.bias");
  const int64_t hDim = wc.dim(0), kDim = wc.dim(1) - hDim, vocab = wo.dim(0);
  std::vector<double> htilde(static_cast<size_t>(hDim));
  for (int64_t i = 0; i < hDim; ++i) {
    double sum = 0;
    for (int64_t j = 0; j < hDim; ++j)
      sum += wc[i * (kDim + hDim) + kDim + j] * double(s.query[static_cast<size_t>(j)]);
    htilde[static_cast<size_t>(i)] = std::tanh(sum);
  }
  std::vector<double> logits(static_cast<size_t>(vocab));
  double top = -1e300;
  for (int64_t v = 0; v < vocab; ++v) {
    double z = bo[v];
    for (int64_t i = 0; i < hDim; ++i) z += wo[v * hDim + i] * htilde[static_cast<size_t>(i)];
    logits[static_cast<size_t>(v)] = z;
    top = std::max(top, z);
  }
  double norm = 0;
  for (double z : logits) norm += std::exp(z - top);
  double largestChange = 0;
  for (int64_t v = 0; v < vocab; ++v) {
    const auto i = static_cast<size_t>(v);
    EXPECT_NEAR(after.trace.logProbs[step][i], logits[i] - top - std::log(norm), 1e-5) << v;
    largestChange = std::max(largestChange, std::abs(double(after.trace.logProbs[step][i]) -
                                                     before.trace.logProbs[step][i]));
  }
  EXPECT_GT(largestChange, 1e-3);  // the context mattered
}

// The annotations h_j of the bidirectional encoder, recomputed by an Rnn layer of its own built
// from the model's encoder parameters: [S, 2H] row-major.
std::vector<float> annotations(const Model& m, const std::vector<int64_t>& ids) {
  const Tensor& emb = param(m, "encoder.embedding.weight");
  const nlohmann::json& c = m.config;
  Random rng(1);
  Rnn rnn(RnnConfig{RnnCell::Gru, emb.dim(1), c.at("hidden_dim").get<int64_t>(), 1, true, true},
          rng);
  for (auto& [name, p] : rnn.namedParameters()) p.mutableValue() = param(m, "encoder.rnn." + name);
  NoGradGuard noGrad;
  const Var x = embedding(Var(emb), ids, Shape{1, static_cast<int64_t>(ids.size())});
  const Tensor out = rnn.forward(x).output.value();
  return std::vector<float>(out.data(), out.data() + out.numel());
}

TEST(Intervention, AOneHotRowMakesTheContextThatKeysEncoderOutput) {
  const Model m = smallModel(rnnConfig("gru", "bahdanau", "additive", true, 1), 9);
  const std::vector<int64_t> ids = {m.srcVocab.id("e"), m.srcVocab.id("a"), m.srcVocab.id("c"),
                                    data::Vocabulary::kEos};
  const std::vector<float> h = annotations(m, ids);
  const size_t width = h.size() / ids.size();
  for (int key = 0; key < 4; ++key) {
    SCOPED_TRACE("key " + std::to_string(key));
    Intervention iv;
    iv.rows.push_back(oneHotRow(2, key, 4));
    const DecodeResult r = decodeWithIntervention(m, "e a c", iv);
    ASSERT_GT(r.trace.steps.size(), 2u);
    const std::vector<float>& context = r.trace.steps[2].context;
    ASSERT_EQ(context.size(), width);
    for (size_t i = 0; i < width; ++i)
      EXPECT_NEAR(context[i], h[static_cast<size_t>(key) * width + i], 1e-6) << i;
    EXPECT_EQ(crossRow(r.trace, 2)[static_cast<size_t>(key)], 1.0);
  }
}

// Renormalised, a row is divided by its sum; as given, it scales the context: 2·(h_0 + h_2)
// against (h_0 + h_2) / 2, the same direction four times as long.
TEST(Intervention, RenormalisingIsAChoiceTheTraceShows) {
  const Model m = smallModel(rnnConfig("gru", "bahdanau", "additive", true, 1), 11);
  Intervention raw, renormalised;
  raw.rows.push_back({1, 0, -1, {2, 0, 2, 0}, false});
  renormalised.rows.push_back({1, 0, -1, {2, 0, 2, 0}, true});
  const DecodeResult a = decodeWithIntervention(m, "a b c", raw);
  const DecodeResult b = decodeWithIntervention(m, "a b c", renormalised);
  EXPECT_EQ(crossRow(a.trace, 1), (std::vector<double>{2, 0, 2, 0}));
  EXPECT_EQ(crossRow(b.trace, 1), (std::vector<double>{0.5, 0, 0.5, 0}));
  const std::vector<float>& ca = a.trace.steps[1].context;
  const std::vector<float>& cb = b.trace.steps[1].context;
  ASSERT_EQ(ca.size(), cb.size());
  for (size_t i = 0; i < ca.size(); ++i) EXPECT_NEAR(ca[i], 4 * cb[i], 1e-5);
  EXPECT_EQ(a.trace.logProbs[0], b.trace.logProbs[0]);
}

// The RNN's one head ablated is a context of zeros at every step.
TEST(Intervention, AblatingTheRnnsHeadZeroesEveryContext) {
  const Model m = smallModel(rnnConfig("lstm", "luong", "general", false, 2, true), 12);
  Intervention ablate, zeroEveryRow;
  ablate.ablations.push_back({MapKind::Cross, 0, 0});
  const DecodeResult a = decodeWithIntervention(m, "h g", ablate);
  for (const TraceStep& s : a.trace.steps)
    for (float c : s.context) EXPECT_EQ(c, 0.0f);
  for (int t = 0; t < 40; ++t) zeroEveryRow.rows.push_back(zeroRow(t, 3));
  expectSameMapsAndSteps(decodeWithIntervention(m, "h g", zeroEveryRow), a);
}

// Step t's token forced: the steps before are greedy's, the target holds the forced token, and
// every later step reads it, exactly as teacher forcing over the same tokens does.
TEST(Intervention, AForcedTokenIsReadByTheStepsAfterIt) {
  for (const nlohmann::json& c : attentionVariants()) {
    SCOPED_TRACE(c.dump());
    const Model m = smallModel(c, 21);
    const DecodeResult before = decodeGreedy(m, "a c e g");
    ASSERT_GE(before.outputIds.size(), 2u);
    const int64_t forced =
        before.outputIds[1] == m.tgtVocab.id("w2") ? m.tgtVocab.id("w3") : m.tgtVocab.id("w2");
    Intervention iv;
    iv.forced.push_back({1, forced});
    const DecodeResult after = decodeWithIntervention(m, "a c e g", iv);
    ASSERT_GE(after.outputIds.size(), 2u);
    EXPECT_EQ(after.outputIds[0], before.outputIds[0]);
    EXPECT_EQ(after.outputIds[1], forced);
    EXPECT_EQ(after.trace.targetTokens[1], m.tgtVocab.toList()[static_cast<size_t>(forced)]);
    EXPECT_EQ(after.trace.logProbs[0], before.trace.logProbs[0]);
    EXPECT_EQ(after.trace.logProbs[1], before.trace.logProbs[1]);  // forced after step 1 ran
    // Later steps are the argmax of what they read, and match the teacher-forced pass.
    test::expectMatchesTeacherForcedPass(m, after, /*outputIsArgmax=*/false);
    for (size_t t = 2; t < after.outputIds.size(); ++t) {
      const std::vector<float>& row = after.trace.logProbs[t];
      EXPECT_EQ(std::max_element(row.begin(), row.end()) - row.begin(), after.outputIds[t]);
    }
    ASSERT_GE(std::min(after.outputIds.size(), before.outputIds.size()), 3u);
    EXPECT_NE(after.trace.logProbs[2], before.trace.logProbs[2]);
  }
}

TEST(Intervention, AForcedPrefixMatchesInspectForcedOfThatPrefix) {
  const Model m = smallModel(rnnConfig("gru", "bahdanau", "additive", true, 1), 5);
  Intervention iv;
  for (int t = 0; t < 3; ++t) iv.forced.push_back({t, m.tgtVocab.id("w" + std::to_string(t + 4))});
  iv.forced.push_back({3, data::Vocabulary::kEos});
  const DecodeResult after = decodeWithIntervention(m, "d d b", iv);
  const DecodeResult forced = inspectForced(m, "d d b", "w4 w5 w6");
  EXPECT_EQ(after.trace.targetTokens, forced.trace.targetTokens);
  EXPECT_EQ(after.output, "w4 w5 w6");
  EXPECT_TRUE(after.finished);
  ASSERT_EQ(after.trace.logProbs.size(), 4u);
  for (size_t t = 0; t < 4; ++t)
    for (size_t v = 0; v < after.trace.logProbs[t].size(); ++v)
      EXPECT_NEAR(after.trace.logProbs[t][v], forced.trace.logProbs[t][v], 1e-5);
  EXPECT_NEAR(after.logProb, forced.logProb, 1e-4);
}

TEST(Intervention, ForcingEosEndsTheOutputAndLateEditsDoNothing) {
  const Model m = smallModel(rnnConfig("gru", "bahdanau", "additive", true, 1), 6);
  Intervention stop;
  stop.forced.push_back({0, data::Vocabulary::kEos});
  const DecodeResult r = decodeWithIntervention(m, "a", stop);
  EXPECT_EQ(r.trace.targetTokens, std::vector<std::string>{"<eos>"});
  EXPECT_TRUE(r.finished);
  EXPECT_EQ(r.output, "");

  Intervention late;  // beyond the 2 × 1 + 10 steps a one-word source may take
  late.rows.push_back(zeroRow(500, 2));
  late.forced.push_back({600, 5});
  expectSameMapsAndSteps(decodeWithIntervention(m, "a", late), decodeGreedy(m, "a"));
}

void expectRefused(const Model& m, const Intervention& iv, const std::string& words) {
  try {
    decodeWithIntervention(m, "a b", iv);
    ADD_FAILURE() << "accepted; expected an error with '" << words << "'";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
  }
}

TEST(Intervention, BadEditsAreRefusedWithAMessage) {
  const Model m = smallModel(rnnConfig("gru", "bahdanau", "additive", true, 1), 2);
  Intervention iv;
  iv.rows.push_back({0, 0, -1, {1, 0}, false});
  expectRefused(m, iv, "has 2 weights, but the source has 3 tokens");
  iv.rows = {{0, 0, -1, {1, -0.5, 0.5}, false}};
  expectRefused(m, iv, "negative or not a number");
  iv.rows = {{0, 0, -1, {1, NAN, 0}, false}};
  expectRefused(m, iv, "negative or not a number");
  iv.rows = {zeroRow(0, 3, 1)};
  expectRefused(m, iv, "layer 1");
  iv.rows = {zeroRow(0, 3, 0, 1)};
  expectRefused(m, iv, "head 1");
  iv.rows = {zeroRow(2, 3), oneHotRow(2, 0, 3)};
  expectRefused(m, iv, "step 3 is edited twice");
  iv.rows = {zeroRow(-1, 3)};
  expectRefused(m, iv, "step -1");
  iv.rows.clear();
  iv.ablations = {{MapKind::EncoderSelf, 0, 0}};
  expectRefused(m, iv, "no 'encoder_self' attention");
  iv.ablations = {{MapKind::Cross, 0, 2}};
  expectRefused(m, iv, "no head 2 in layer 0 of 'cross'");
  iv.ablations.clear();
  iv.forced = {{1, 99}};
  expectRefused(m, iv, "not in the target vocabulary");
  iv.forced = {{1, 4}, {1, 5}};
  expectRefused(m, iv, "two tokens are forced at step 2");

  const Model none = smallModel(rnnConfig("gru", "none", "", true, 2), 2);
  Intervention row;
  row.rows.push_back(zeroRow(0, 3));
  expectRefused(none, row, "no attention over the source");
}

}  // namespace
}  // namespace attn
