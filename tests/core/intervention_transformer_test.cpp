// Interventions on multi-head attention and the transformer (layers/attention_edit.h,
// core/explain/intervention.h): an ablated head's output is zero before out_proj (every head
// ablated leaves out_proj's bias), a replaced row weighs the values as worked by hand, and in
// the model an identity edit changes nothing while ablating every cross head cuts the decoder
// off from the source.
#include <gtest/gtest.h>

#include <cmath>

#include "attention_test_util.h"
#include "decode/decoder.h"
#include "decode_checks.h"
#include "explain/intervention.h"
#include "golden.h"
#include "layers/multihead_attention.h"

namespace attn {
namespace {

using test::rnd;

Model transformer(const std::string& name = "transformer_postnorm") {
  return loadModel(test::testDataPath("golden/models/model_files/" + name + ".safetensors"));
}

TEST(InterventionMha, EveryHeadAblatedLeavesTheOutProjBias) {
  Random rng(5);
  MultiheadAttention mha(8, 2, rng);
  mha.out_proj.bias.mutableValue() = rnd({8}, 6);
  NoGradGuard noGrad;
  const Var q(rnd({1, 3, 8}, 7)), memory(rnd({1, 4, 8}, 8));
  AttentionEdit edit;
  edit.zeroedHeads = {0, 1};
  const MhaOutput o = mha.attend(q, mha.prepareKeys(memory, memory), false, &edit);
  const Tensor& bias = mha.out_proj.bias.value();
  for (int64_t t = 0; t < 3; ++t)
    for (int64_t i = 0; i < 8; ++i) EXPECT_EQ(o.output.value()[t * 8 + i], bias[i]);
  EXPECT_EQ(o.weights.value().arr().abs().maxCoeff(), 0.0f);
}

// Head 0 ablated and head 1's rows replaced by r: the merged heads are [0, Σ_s r_s v_1s], then
// out_proj; worked in double from the prepared values and out_proj's parameters.
TEST(InterventionMha, AnAblatedHeadAndAReplacedRowGiveTheOutputWorkedByHand) {
  Random rng(9);
  MultiheadAttention mha(8, 2, rng);
  mha.out_proj.bias.mutableValue() = rnd({8}, 10);
  NoGradGuard noGrad;
  const Var q(rnd({1, 2, 8}, 11)), memory(rnd({1, 3, 8}, 12));
  const MhaKeys keys = mha.prepareKeys(memory, memory);
  const std::vector<Scalar> r = {0.2f, 0.0f, 0.9f};  // need not sum to 1
  AttentionEdit edit;
  edit.zeroedHeads = {0};
  edit.rows[1] = r;
  const MhaOutput o = mha.attend(q, keys, false, &edit);
  const Tensor& v = keys.v.value();  // [1, 2, 3, 4]
  const Tensor& w = mha.out_proj.weight.value();
  const Tensor& b = mha.out_proj.bias.value();
  std::vector<double> merged(8, 0.0);  // head 0's four columns stay 0
  for (int c = 0; c < 4; ++c)
    for (int s = 0; s < 3; ++s) merged[4 + c] += r[s] * double(v[(1 * 3 + s) * 4 + c]);
  for (int64_t t = 0; t < 2; ++t)
    for (int64_t i = 0; i < 8; ++i) {
      double y = b[i];
      for (int64_t j = 0; j < 8; ++j) y += w[i * 8 + j] * merged[static_cast<size_t>(j)];
      EXPECT_NEAR(o.output.value()[t * 8 + i], y, 1e-5) << "query " << t << " dim " << i;
    }
  for (int64_t t = 0; t < 2; ++t)
    for (int64_t s = 0; s < 3; ++s) {
      EXPECT_EQ(o.weights.value()[(0 * 2 + t) * 3 + s], 0.0f);
      EXPECT_EQ(o.weights.value()[(1 * 2 + t) * 3 + s], r[static_cast<size_t>(s)]);
    }
}

TEST(InterventionMha, EditsNeedInferenceMode) {
  Random rng(3);
  MultiheadAttention mha(8, 2, rng);
  const Var x(rnd({1, 2, 8}, 4));
  AttentionEdit edit;
  edit.zeroedHeads = {1};
  EXPECT_THROW(mha.forward(x, x, x, {}, false, &edit), InternalError);
}

void expectSameLogProbsAndMaps(const DecodeResult& a, const DecodeResult& b) {
  EXPECT_EQ(a.outputIds, b.outputIds);
  EXPECT_EQ(a.trace.logProbs, b.trace.logProbs);
  for (const auto& [name, map] : a.trace.attention)
    EXPECT_EQ(map.values, b.trace.attention.at(name).values) << name;
  ASSERT_EQ(a.trace.steps.size(), b.trace.steps.size());
  for (size_t t = 0; t < a.trace.steps.size(); ++t)
    EXPECT_EQ(a.trace.steps[t].scores, b.trace.steps[t].scores);
}

TEST(InterventionTransformer, EmptyAndIdentityInterventionsChangeNothing) {
  for (const char* name : {"transformer_postnorm", "transformer_prenorm"}) {
    SCOPED_TRACE(name);
    const Model m = transformer(name);
    const DecodeResult before = decodeGreedy(m, "le chat noir dort");
    expectSameLogProbsAndMaps(decodeWithIntervention(m, "le chat noir dort", {}), before);
    const AttentionMap& cross = before.trace.attention.at(MapKind::Cross);
    Intervention identity;
    for (int t = 0; t < cross.queries; ++t)
      for (int l = 0; l < cross.layers; ++l)
        for (int h = 0; h < cross.heads; ++h) {
          RowEdit row{t, l, h, {}, false};
          for (int k = 0; k < cross.keys; ++k) row.weights.push_back(cross.at(l, h, t, k));
          identity.rows.push_back(row);
        }
    expectSameLogProbsAndMaps(decodeWithIntervention(m, "le chat noir dort", identity), before);
  }
}

// With every cross-attention head ablated the decoder reads nothing of the source: two
// sources of the same length decode to the same log-probs, bit for bit.
TEST(InterventionTransformer, EveryCrossHeadAblatedCutsTheDecoderOffFromTheSource) {
  const Model m = transformer();
  Intervention iv;
  for (int l = 0; l < 2; ++l)
    for (int h = 0; h < 2; ++h) iv.ablations.push_back({MapKind::Cross, l, h});
  const DecodeResult a = decodeWithIntervention(m, "le chat noir", iv);
  const DecodeResult b = decodeWithIntervention(m, "un chien dort", iv);
  EXPECT_EQ(a.trace.logProbs, b.trace.logProbs);
  EXPECT_EQ(a.outputIds, b.outputIds);
  for (float w : a.trace.attention.at(MapKind::Cross).values) EXPECT_EQ(w, 0.0f);
  EXPECT_NE(decodeGreedy(m, "le chat noir").trace.logProbs[0],
            decodeGreedy(m, "un chien dort").trace.logProbs[0]);
}

// Ablating head 0 of the first encoder layer: its map is zeros, head 1 of that layer computes
// its weights from the same input (identical), and the layer above sees the change.
TEST(InterventionTransformer, AnEncoderHeadAblatedChangesOnlyWhatComesAfterIt) {
  const Model m = transformer();
  const DecodeResult before = decodeGreedy(m, "le chat noir dort");
  Intervention iv;
  iv.ablations.push_back({MapKind::EncoderSelf, 0, 0});
  const DecodeResult after = decodeWithIntervention(m, "le chat noir dort", iv);
  const AttentionMap& a = after.trace.attention.at(MapKind::EncoderSelf);
  const AttentionMap& b = before.trace.attention.at(MapKind::EncoderSelf);
  for (float w : a.matrix(0, 0)) EXPECT_EQ(w, 0.0f);
  EXPECT_EQ(a.matrix(0, 1), b.matrix(0, 1));
  EXPECT_NE(a.matrix(1, 0), b.matrix(1, 0));
  EXPECT_NE(after.trace.logProbs[0], before.trace.logProbs[0]);
}

TEST(InterventionTransformer, ADecoderSelfHeadAblatedIsZeroAtEveryStep) {
  const Model m = transformer("transformer_prenorm");
  const DecodeResult before = decodeGreedy(m, "un chien");
  Intervention iv;
  iv.ablations.push_back({MapKind::DecoderSelf, 1, 1});
  const DecodeResult after = decodeWithIntervention(m, "un chien", iv);
  const AttentionMap& self = after.trace.attention.at(MapKind::DecoderSelf);
  for (float w : self.matrix(1, 1)) EXPECT_EQ(w, 0.0f);
  EXPECT_EQ(self.matrix(0, 0)[0], 1.0f);  // step 0 sees only <sos>
  EXPECT_NE(after.trace.logProbs[0], before.trace.logProbs[0]);
}

TEST(InterventionTransformer, ARowForEveryHeadPutsItInEachHeadOfThatLayer) {
  const Model m = transformer();
  Intervention iv;
  iv.rows.push_back(oneHotRow(1, 2, 4, /*layer=*/1));
  const DecodeResult r = decodeWithIntervention(m, "le chat noir", iv);
  const AttentionMap& cross = r.trace.attention.at(MapKind::Cross);
  ASSERT_GT(cross.queries, 1);
  for (int h = 0; h < 2; ++h)
    for (int k = 0; k < 4; ++k) EXPECT_EQ(cross.at(1, h, 1, k), k == 2 ? 1.0f : 0.0f);
  // Layer 0 computes its weights at step 1 before layer 1's edit, from the same inputs.
  const DecodeResult greedy = decodeGreedy(m, "le chat noir");
  const AttentionMap& before = greedy.trace.attention.at(MapKind::Cross);
  for (int h = 0; h < 2; ++h)
    for (int k = 0; k < 4; ++k) EXPECT_EQ(cross.at(0, h, 1, k), before.at(0, h, 1, k));
}

TEST(InterventionTransformer, AForcedTokenIsWhatTheLaterStepsRead) {
  const Model m = transformer();
  const DecodeResult before = decodeGreedy(m, "le chat noir dort");
  const int64_t cat = m.tgtVocab.id("cat");
  ASSERT_NE(cat, data::Vocabulary::kUnk);
  Intervention iv;
  iv.forced.push_back({0, cat});
  const DecodeResult after = decodeWithIntervention(m, "le chat noir dort", iv);
  EXPECT_EQ(after.trace.targetTokens[0], "cat");
  EXPECT_EQ(after.trace.logProbs[0], before.trace.logProbs[0]);
  test::expectMatchesTeacherForcedPass(m, after, /*outputIsArgmax=*/false);
  for (size_t t = 1; t < after.outputIds.size(); ++t) {
    const std::vector<float>& row = after.trace.logProbs[t];
    EXPECT_EQ(std::max_element(row.begin(), row.end()) - row.begin(), after.outputIds[t]);
  }
}

TEST(InterventionTransformer, EditsOutsideTheModelAreRefused) {
  const Model m = transformer();
  Intervention iv;
  iv.ablations.push_back({MapKind::DecoderSelf, 2, 0});
  EXPECT_THROW(decodeWithIntervention(m, "un chien", iv), Error);
  iv.ablations = {{MapKind::Hops, 0, 0}};  // a classifier's map
  EXPECT_THROW(decodeWithIntervention(m, "un chien", iv), Error);
  iv.ablations.clear();
  iv.rows = {zeroRow(0, 3, 0, -1), zeroRow(0, 3, 0, 1)};  // head 1 twice
  EXPECT_THROW(decodeWithIntervention(m, "un chien", iv), Error);
}

}  // namespace
}  // namespace attn
