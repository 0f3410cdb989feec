// The computation laid bare for the structured self-attention classifier (Lin et al. 2017):
// each hop's scores, weights and m_r recomputed from the parameters agree with the trace the
// model itself made, for both cells; each number follows from the ones the computation shows
// by the paper's formulas (worked again here from the parameter tensors); the class
// distribution is the model's; and requests the classifier does not have are refused.
#include <gtest/gtest.h>

#include <cmath>

#include "decode/decoder.h"
#include "decode_models.h"
#include "explain/computation.h"
#include "trace/trace.h"

namespace attn {
namespace {

using explain::Computation;
using explain::ComputationExplainer;
using explain::ComputationRequest;
using explain::ScoreFormula;

Model linModel(const std::string& cell, uint64_t seed) {
  const nlohmann::json config = {{"arch", "structured_self_attention"},
                                 {"cell", cell},
                                 {"embed_dim", 6},
                                 {"hidden_dim", 5},
                                 {"attention_dim", 4},
                                 {"hops", 3},
                                 {"mlp_dim", 7},
                                 {"penalty", 0.5}};
  return createModel(config, data::TokenizerKind::Word,
                     test::vocabularyOf(test::decodeSourceWords()), data::Vocabulary(),
                     data::LabelVocabulary::fromList({"neg", "pos", "mixed"}), seed);
}

const Tensor& param(const Model& m, const std::string& name) {
  return test::parameterOf(m, name);
}

ComputationRequest hopsRequest() {
  ComputationRequest r;
  r.map = MapKind::Hops;
  r.topK = 3;
  return r;
}

TEST(ComputationClassifier, HopsAgreeWithTheTraceForBothCells) {
  for (const std::string cell : {"lstm", "gru"}) {
    SCOPED_TRACE(cell);
    const Model m = linModel(cell, 11);
    const DecodeResult d = classifyWithTrace(m, "a c b h e zzz");
    const Computation c = ComputationExplainer(m).explain(d.trace, hopsRequest());
    EXPECT_TRUE(c.classifier);
    ASSERT_EQ(c.heads.size(), 3u);
    EXPECT_LE(c.weightDifference, 1e-5);
    ASSERT_GE(c.scoreDifference, 0.0);  // the classifier's trace keeps the hops' scores
    EXPECT_LE(c.scoreDifference, 1e-5);
    EXPECT_EQ(c.chosen, d.trace.targetTokens.front());
    ASSERT_EQ(c.next.size(), 3u);
    EXPECT_EQ(c.next.front().token, d.output);  // the most probable class is the prediction
    EXPECT_NEAR(std::log(c.chosenProb), d.logProb, 1e-5);
    ASSERT_EQ(c.heads[0].keys.size(), 6u);
    EXPECT_EQ(c.heads[0].keys[5].token, "zzz");  // the typed token, read as <unk>
  }
}

TEST(ComputationClassifier, EveryNumberFollowsFromThePapersFormulas) {
  const Model m = linModel("lstm", 5);
  const Computation c =
      ComputationExplainer(m).explain(classifyWithTrace(m, "b d f a").trace, hopsRequest());
  const Tensor &ws1 = param(m, "ws1.weight"), &ws2 = param(m, "ws2.weight");
  const int64_t da = ws1.dim(0), twoH = ws1.dim(1);
  std::vector<double> flat;
  for (int64_t r = 0; r < 3; ++r) {
    const auto& head = c.heads[size_t(r)];
    EXPECT_EQ(head.formula, ScoreFormula::Hop);
    EXPECT_TRUE(head.query.empty());  // a hop has no query: w_r plays its part
    ASSERT_EQ(head.v.size(), size_t(da));
    double z = 0;
    std::vector<double> e;
    for (const auto& k : head.keys) {
      ASSERT_EQ(k.key.size(), size_t(twoH));
      double score = 0;  // e_rj = Σ_a W_s2[r, a] tanh(Σ_b W_s1[a, b] h_jb)
      for (int64_t a = 0; a < da; ++a) {
        double u = 0;
        for (int64_t b = 0; b < twoH; ++b) u += double(ws1[a * twoH + b]) * k.key[size_t(b)];
        EXPECT_NEAR(k.hidden[size_t(a)], std::tanh(u), 1e-12);
        EXPECT_EQ(head.v[size_t(a)], double(ws2[r * da + a]));
        score += double(ws2[r * da + a]) * std::tanh(u);
      }
      EXPECT_NEAR(k.score, score, 1e-12);
      e.push_back(score);
      z += std::exp(score);
    }
    std::vector<double> m_r(size_t(twoH), 0.0);  // m_r = Σ_j a_rj h_j
    for (size_t j = 0; j < e.size(); ++j) {
      EXPECT_NEAR(head.keys[j].weight, std::exp(e[j]) / z, 1e-12);
      for (int64_t b = 0; b < twoH; ++b)
        m_r[size_t(b)] += std::exp(e[j]) / z * head.keys[j].key[size_t(b)];
    }
    for (int64_t b = 0; b < twoH; ++b) EXPECT_NEAR(head.output[size_t(b)], m_r[size_t(b)], 1e-12);
    flat.insert(flat.end(), m_r.begin(), m_r.end());
  }
  ASSERT_EQ(c.concat.size(), flat.size());
  for (size_t i = 0; i < flat.size(); ++i) EXPECT_NEAR(c.concat[i], flat[i], 1e-12);
  // ReLU(W_fc M + b_fc): the MLP's hidden layer, which the classes read.
  const Tensor &fc = param(m, "fc.weight"), &fcb = param(m, "fc.bias");
  ASSERT_EQ(c.readout.size(), 7u);
  for (int64_t i = 0; i < 7; ++i) {
    double u = fcb[i];
    for (size_t k = 0; k < flat.size(); ++k)
      u += double(fc[i * int64_t(flat.size()) + int64_t(k)]) * flat[k];
    EXPECT_NEAR(c.readout[size_t(i)], std::max(0.0, u), 1e-9);
  }
}

TEST(ComputationClassifier, RefusesWhatTheClassifierDoesNotHave) {
  const Model m = linModel("gru", 2);
  const Trace t = classifyWithTrace(m, "a b c").trace;
  const ComputationExplainer explainer(m);
  ComputationRequest r = hopsRequest();
  r.map = MapKind::Cross;
  EXPECT_THROW(explainer.explain(t, r), Error);
  r = hopsRequest();
  r.step = 1;
  EXPECT_THROW(explainer.explain(t, r), Error);
  r = hopsRequest();
  r.layer = 1;
  EXPECT_THROW(explainer.explain(t, r), Error);
  Trace other = t;
  other.targetTokens = {"nonsense"};
  EXPECT_THROW(explainer.explain(other, hopsRequest()), Error);
}

}  // namespace
}  // namespace attn
