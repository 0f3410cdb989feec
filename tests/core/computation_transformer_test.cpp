// The computation laid bare for the transformer (core/explain/computation.h): per head, the
// recomputed weights and scaled dot-product scores are the trace's for every map, layer, step
// and query, in post-norm and pre-norm models (built here and written by PyTorch); the next-token
// probabilities are the trace's; and on a model set by hand the projections, scores, softmax,
// head outputs, concatenation and W_o give the numbers worked out here from the formulas.
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

Model smallTransformer(bool normFirst, uint64_t seed) {
  const nlohmann::json config = {{"arch", "transformer"},
                                 {"d_model", 8},
                                 {"nhead", 2},
                                 {"num_encoder_layers", 2},
                                 {"num_decoder_layers", 2},
                                 {"dim_feedforward", 16},
                                 {"norm_first", normFirst}};
  return createModel(config, data::TokenizerKind::Word,
                     test::vocabularyOf(test::decodeSourceWords()),
                     test::vocabularyOf(test::targetWords(10)), data::LabelVocabulary(), seed);
}

void expectHeadsConsistent(const Computation& c) {
  std::vector<double> concat;
  for (const HeadComputation& head : c.heads) {
    EXPECT_EQ(head.formula, ScoreFormula::ScaledDot);
    double z = 0;
    for (const auto& k : head.keys) {
      EXPECT_NEAR(k.score, k.dot * head.scale, 1e-12);
      z += std::exp(k.score - head.maxScore);
    }
    std::vector<double> out(head.output.size(), 0.0);
    for (const auto& k : head.keys) {
      EXPECT_NEAR(k.weight, std::exp(k.score - head.maxScore) / z, 1e-12);
      for (size_t i = 0; i < out.size(); ++i) out[i] += k.weight * k.value[i];
    }
    for (size_t i = 0; i < out.size(); ++i) EXPECT_NEAR(head.output[i], out[i], 1e-12);
    concat.insert(concat.end(), head.output.begin(), head.output.end());
  }
  EXPECT_EQ(c.concat, concat);
}

// Every map, layer, step (and source position) of `trace`, against the trace's numbers.
void expectTransformerAgreesWithTrace(const Model& m, const Trace& trace) {
  const ComputationExplainer explainer(m);
  const auto& vocab = m.tgtVocab.toList();
  const int steps = static_cast<int>(trace.targetTokens.size());
  const int sources = static_cast<int>(trace.sourceTokens.size());
  for (MapKind map : {MapKind::Cross, MapKind::DecoderSelf, MapKind::EncoderSelf}) {
    const AttentionMap& a = trace.attention.at(map);
    const bool encoder = map == MapKind::EncoderSelf;
    for (int layer = 0; layer < a.layers; ++layer)
      for (int q = 0; q < (encoder ? sources : steps); ++q) {
        SCOPED_TRACE(mapKindName(map) + " layer " + std::to_string(layer) + " query " +
                     std::to_string(q));
        ComputationRequest r;
        r.map = map;
        r.layer = layer;
        (encoder ? r.sourcePosition : r.step) = q;
        const Computation c = explainer.explain(trace, r);
        ASSERT_EQ(static_cast<int>(c.heads.size()), a.heads);
        EXPECT_EQ(c.queryPosition, q);
        EXPECT_LE(c.weightDifference, 1e-5);
        expectHeadsConsistent(c);
        const size_t keys = encoder || map == MapKind::Cross ? size_t(sources) : size_t(q + 1);
        ASSERT_EQ(c.heads[0].keys.size(), keys);
        if (encoder) {
          EXPECT_EQ(c.queryToken, trace.sourceTokens[size_t(q)]);
          EXPECT_TRUE(c.next.empty());
          continue;
        }
        // Decoder maps: the step's scores are in the trace, and so is its distribution.
        ASSERT_GE(c.scoreDifference, 0.0);
        EXPECT_LE(c.scoreDifference, 1e-4);
        EXPECT_EQ(c.queryToken, q == 0 ? "<sos>" : trace.targetTokens[size_t(q - 1)]);
        const std::vector<float>& lp = trace.logProbs[size_t(q)];
        for (const auto& t : c.next) {
          const size_t id = size_t(std::find(vocab.begin(), vocab.end(), t.token) - vocab.begin());
          EXPECT_NEAR(t.prob, std::exp(lp[id]), 1e-5) << t.token;
        }
        EXPECT_NEAR(c.chosenProb, std::exp(lp[size_t(m.tgtVocab.id(c.chosen))]), 1e-5);
      }
  }
}

TEST(ComputationTransformer, RecomputedHeadsAreTheDecodersPostNormAndPreNorm) {
  for (bool normFirst : {false, true}) {
    SCOPED_TRACE(normFirst ? "pre-norm" : "post-norm");
    const Model m = smallTransformer(normFirst, 4);
    DecodeOptions o;
    o.maxSteps = 6;
    expectTransformerAgreesWithTrace(m, decodeGreedy(m, "a c e g b", o).trace);
  }
}

TEST(ComputationTransformer, BeamAndForcedTracesAgreeToo) {
  const Model m = smallTransformer(true, 9);
  DecodeOptions o;
  o.beamWidth = 3;
  o.maxSteps = 5;
  expectTransformerAgreesWithTrace(m, decodeBeam(m, "b d f", o).trace);
  expectTransformerAgreesWithTrace(m, inspectForced(m, "h zebra a", "w2 w7 nope w1").trace);
}

TEST(ComputationTransformer, PyTorchModelFilesAgree) {
  for (const char* name : {"transformer_postnorm", "transformer_prenorm"}) {
    SCOPED_TRACE(name);
    const Model m = loadModel(
        test::testDataPath(std::string("golden/models/model_files/") + name + ".safetensors"));
    expectTransformerAgreesWithTrace(m, decodeGreedy(m, "le chat noir dort").trace);
  }
}

// ---- by hand ----

// d = 2, two heads of d_k = 1, one layer per stack. Every source embedding is 0, so the
// encoder's input at position p is PE(p) = (sin p, cos p). The encoder's attention:
//   W_q = [[1, 0], [0, 2]], b_q = (0, .5); W_k = [[2, 1], [0, −1]], b_k = 0;
//   W_v = [[.5, −1], [1, 1]], b_v = (1, 0); W_o = [[1, 2], [3, −1]], b_o = (.1, −.2).
Model handTransformer(bool normFirst) {
  const nlohmann::json config = {{"arch", "transformer"},
                                 {"d_model", 2},
                                 {"nhead", 2},
                                 {"num_encoder_layers", 1},
                                 {"num_decoder_layers", 1},
                                 {"dim_feedforward", 2},
                                 {"norm_first", normFirst}};
  Model m = createModel(config, data::TokenizerKind::Word, test::vocabularyOf({"a", "b"}),
                        test::vocabularyOf({"x", "y"}), data::LabelVocabulary(), 1);
  test::setParameter(m, "src_embedding.weight", std::vector<Scalar>(12, 0));
  const std::string p = "transformer.encoder.layers.0.self_attn.";
  test::setParameter(m, p + "in_proj_weight", {1, 0, 0, 2, 2, 1, 0, -1, .5f, -1, 1, 1});
  test::setParameter(m, p + "in_proj_bias", {0, .5f, 0, 0, 1, 0});
  test::setParameter(m, p + "out_proj.weight", {1, 2, 3, -1});
  test::setParameter(m, p + "out_proj.bias", {.1f, -.2f});
  return m;
}

// The query at source position 1 over positions 0, 1, 2, its input x_p given.
void expectHandEncoderSelf(const Computation& c, const std::vector<std::vector<double>>& x) {
  ASSERT_EQ(c.heads.size(), 2u);
  const std::vector<double> q = {x[1][0], 2 * x[1][1] + .5};
  std::vector<double> out(2, 0.0);
  for (int h = 0; h < 2; ++h) {
    const HeadComputation& head = c.heads[size_t(h)];
    EXPECT_NEAR(head.scale, 1.0, 1e-15);  // 1/√d_k, d_k = 1
    EXPECT_NEAR(head.query[0], q[size_t(h)], 1e-6);
    std::vector<double> e, v;
    for (const auto& xp : x) {
      const double k = h == 0 ? 2 * xp[0] + xp[1] : -xp[1];
      e.push_back(q[size_t(h)] * k);
      v.push_back(h == 0 ? .5 * xp[0] - xp[1] + 1 : xp[0] + xp[1]);
    }
    double z = 0;
    for (double s : e) z += std::exp(s);
    for (size_t j = 0; j < 3; ++j) {
      EXPECT_NEAR(head.keys[j].score, e[j], 1e-6) << "head " << h << " key " << j;
      EXPECT_NEAR(head.keys[j].weight, std::exp(e[j]) / z, 1e-6);
      EXPECT_NEAR(head.keys[j].value[0], v[j], 1e-6);
      out[size_t(h)] += std::exp(e[j]) / z * v[j];
    }
    EXPECT_NEAR(head.output[0], out[size_t(h)], 1e-6);
  }
  ASSERT_EQ(c.concat.size(), 2u);
  EXPECT_NEAR(c.concat[0], out[0], 1e-6);
  EXPECT_NEAR(c.concat[1], out[1], 1e-6);
  ASSERT_EQ(c.projected.size(), 2u);
  EXPECT_NEAR(c.projected[0], out[0] + 2 * out[1] + .1, 1e-6);
  EXPECT_NEAR(c.projected[1], 3 * out[0] - out[1] - .2, 1e-6);
}

ComputationInput handTransformerInput() {
  return {{"a", "b", "<eos>"}, {"x", "<eos>"}, {4, 5, 3}, {4, 3}};
}

TEST(ComputationTransformer, ScaledDotProductHeadsConcatAndProjectionByHandPostNorm) {
  const Model m = handTransformer(false);
  ComputationRequest r;
  r.map = MapKind::EncoderSelf;
  r.sourcePosition = 1;
  const Computation c = ComputationExplainer(m).explain(handTransformerInput(), r);
  // Post-norm: the attention reads the layer's input itself.
  expectHandEncoderSelf(c,
                        {{0, 1}, {std::sin(1.0), std::cos(1.0)}, {std::sin(2.0), std::cos(2.0)}});
  EXPECT_EQ(c.queryToken, "b");
  EXPECT_FALSE(c.normFirst);
}

TEST(ComputationTransformer, PreNormReadsTheNormalisedInputByHand) {
  const Model m = handTransformer(true);
  ComputationRequest r;
  r.map = MapKind::EncoderSelf;
  r.sourcePosition = 1;
  const Computation c = ComputationExplainer(m).explain(handTransformerInput(), r);
  // norm1 (γ = 1, β = 0) of a pair (u, w): ±(u − w)/2 / √((u − w)²/4 + 1e-5).
  std::vector<std::vector<double>> x;
  for (double p : {0.0, 1.0, 2.0}) {
    const double half = (std::sin(p) - std::cos(p)) / 2, sd = std::sqrt(half * half + 1e-5);
    x.push_back({half / sd, -half / sd});
  }
  expectHandEncoderSelf(c, x);
  EXPECT_TRUE(c.normFirst);
}

TEST(ComputationTransformer, KeysAreLabelledAndCausal) {
  const Model m = smallTransformer(false, 2);
  const ComputationExplainer explainer(m);
  const ComputationInput in = {{"a", "b", "<eos>"}, {"w1", "w2", "<eos>"}, {4, 5, 3}, {5, 6, 3}};
  ComputationRequest r;
  r.map = MapKind::DecoderSelf;
  r.step = 2;
  r.layer = 1;
  const Computation self = explainer.explain(in, r);
  ASSERT_EQ(self.heads[0].keys.size(), 3u);  // <sos> w1 w2: itself and what came before
  EXPECT_EQ(self.heads[1].keys[0].token, "<sos>");
  EXPECT_EQ(self.heads[1].keys[2].token, "w2");
  EXPECT_EQ(self.queryToken, "w2");
  EXPECT_EQ(self.chosen, "<eos>");
  r.map = MapKind::Cross;
  const Computation cross = explainer.explain(in, r);
  ASSERT_EQ(cross.heads[0].keys.size(), 3u);
  EXPECT_EQ(cross.heads[0].keys[1].token, "b");
  EXPECT_EQ(cross.projected.size(), 8u);
  EXPECT_EQ(cross.readout, self.readout);  // one step, one distribution
}

TEST(ComputationTransformer, RefusesRequestsOutOfRange) {
  const Model m = smallTransformer(true, 2);
  const ComputationExplainer explainer(m);
  const ComputationInput in = {{"a", "<eos>"}, {"w1", "<eos>"}, {4, 3}, {5, 3}};
  ComputationRequest r;
  r.layer = 2;
  EXPECT_THROW(explainer.explain(in, r), Error);
  r.layer = 0;
  r.map = MapKind::Hops;
  EXPECT_THROW(explainer.explain(in, r), Error);
  r.map = MapKind::EncoderSelf;
  r.sourcePosition = 2;
  EXPECT_THROW(explainer.explain(in, r), Error);
  r.sourcePosition = 1;
  EXPECT_NO_THROW(explainer.explain(in, r));
  r.map = MapKind::Cross;
  r.step = -1;
  EXPECT_THROW(explainer.explain(in, r), Error);
}

}  // namespace
}  // namespace attn
