// The transformer layers and stacks in float32: PyTorch's parameter names, nn.Transformer*
// golden outputs, per-head weights and gradients in both norm_first settings, the attention
// invariants through whole layers, step-by-step decoding against the full forward, the
// sinusoidal positional encoding by hand, and a tiny copy task one encoder layer learns.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "attention_test_util.h"
#include "layers/positional_encoding.h"
#include "layers/transformer.h"
#include "optim/optimizer.h"
#include "tensor/ops_attention.h"

namespace attn {
namespace {

using test::expectMatchesTorch;
using test::expectParameterGradsMatchTorch;
using test::expectRowsSumToOne;
using test::maxAbsDiff;
using test::rnd;

std::vector<std::string> namesAndShapes(const Module& m, const std::string& prefix = "") {
  std::vector<std::string> out;
  for (auto& [n, p] : m.namedParameters(prefix)) out.push_back(n + p.shape().toString());
  return out;
}

// w [B, h, T, S]: keys j >= lengths[b] must have weight exactly 0.
void expectPaddedKeysZero(const Tensor& w, const std::vector<int64_t>& lengths) {
  const int64_t B = w.dim(0), rows = w.dim(1) * w.dim(2), S = w.dim(3);
  for (int64_t b = 0; b < B; ++b)
    for (int64_t r = 0; r < rows; ++r)
      for (int64_t j = lengths[static_cast<size_t>(b)]; j < S; ++j)
        EXPECT_EQ(w[(b * rows + r) * S + j], 0.0f) << "batch " << b << " key " << j;
}

// ---- names ----

TEST(Transformer, EncoderLayerParametersAreNamedAsPyTorchStateDict) {
  Random rng(1);
  TransformerEncoderLayer layer({8, 2, 16, false}, rng);
  EXPECT_EQ(
      namesAndShapes(layer),
      (std::vector<std::string>{"self_attn.in_proj_weight[24, 8]", "self_attn.in_proj_bias[24]",
                                "self_attn.out_proj.weight[8, 8]", "self_attn.out_proj.bias[8]",
                                "linear1.weight[16, 8]", "linear1.bias[16]",
                                "linear2.weight[8, 16]", "linear2.bias[8]", "norm1.weight[8]",
                                "norm1.bias[8]", "norm2.weight[8]", "norm2.bias[8]"}));
}

TEST(Transformer, DecoderLayerParametersAreNamedAsPyTorchStateDict) {
  Random rng(1);
  TransformerDecoderLayer layer({8, 2, 16, true}, rng);
  EXPECT_EQ(namesAndShapes(layer),
            (std::vector<std::string>{
                "self_attn.in_proj_weight[24, 8]", "self_attn.in_proj_bias[24]",
                "self_attn.out_proj.weight[8, 8]", "self_attn.out_proj.bias[8]",
                "multihead_attn.in_proj_weight[24, 8]", "multihead_attn.in_proj_bias[24]",
                "multihead_attn.out_proj.weight[8, 8]", "multihead_attn.out_proj.bias[8]",
                "linear1.weight[16, 8]", "linear1.bias[16]", "linear2.weight[8, 16]",
                "linear2.bias[8]", "norm1.weight[8]", "norm1.bias[8]", "norm2.weight[8]",
                "norm2.bias[8]", "norm3.weight[8]", "norm3.bias[8]"}));
}

TEST(Transformer, StacksAreNamedAsNnTransformer) {
  Random rng(1);
  TransformerEncoder enc({8, 2, 16, false}, 2, true, rng);
  TransformerDecoder dec({8, 2, 16, false}, 3, true, rng);
  NamedParameters e = enc.namedParameters("transformer.encoder.");
  ASSERT_EQ(e.size(), 2 * 12 + 2u);
  EXPECT_EQ(e.front().first, "transformer.encoder.layers.0.self_attn.in_proj_weight");
  EXPECT_EQ(e[12].first, "transformer.encoder.layers.1.self_attn.in_proj_weight");
  EXPECT_EQ(e[24].first, "transformer.encoder.norm.weight");
  EXPECT_EQ(e[25].first, "transformer.encoder.norm.bias");
  NamedParameters d = dec.namedParameters("transformer.decoder.");
  ASSERT_EQ(d.size(), 3 * 18 + 2u);
  EXPECT_EQ(d[2 * 18 + 4].first, "transformer.decoder.layers.2.multihead_attn.in_proj_weight");
  EXPECT_EQ(d.back().first, "transformer.decoder.norm.bias");
  TransformerEncoder bare({8, 2, 16, false}, 1, false, rng);
  EXPECT_EQ(bare.namedParameters().size(), 12u);
  EXPECT_THROW(TransformerEncoderLayer({6, 4, 8, false}, rng), Error);
  EXPECT_THROW(TransformerDecoder({8, 2, 16, false}, 0, true, rng), Error);
}

TEST(Transformer, ResetLikeTransformerIsXavierOnMatricesOnly) {
  Random rng(1);
  TransformerEncoderLayer layer({8, 2, 16, false}, rng);
  resetParametersLikeTransformer(layer, rng);
  EXPECT_LE(layer.linear1.weight.value().arr().abs().maxCoeff(), std::sqrt(6.0f / (16 + 8)));
  EXPECT_LE(layer.self_attn.in_proj_weight.value().arr().abs().maxCoeff(),
            std::sqrt(6.0f / (24 + 8)));
  EXPECT_EQ(layer.norm1.weight.value().arr().minCoeff(), 1.0f);  // vectors untouched
  EXPECT_EQ(layer.self_attn.in_proj_bias.value().arr().abs().maxCoeff(), 0.0f);
}

TEST(Transformer, SaveLoadRoundTripGivesTheSameOutputs) {
  // Parameters written as a safetensors state_dict and loaded into a differently seeded stack.
  Random rngA(1), rngB(2);
  TransformerDecoder a({8, 2, 16, true}, 2, true, rngA), b({8, 2, 16, true}, 2, true, rngB);
  NamedTensors tensors;
  for (auto& [name, p] : a.namedParameters("transformer.decoder."))
    tensors.emplace_back(name, p.value());
  const std::vector<uint8_t> bytes = serializeSafetensors(tensors);
  const SafetensorsFile file = parseSafetensors(bytes.data(), bytes.size(), "round trip");
  EXPECT_TRUE(b.loadParameters(test::tensorMap(file), "transformer.decoder.").empty());
  Var tgt(rnd({2, 3, 8}, 3)), memory(rnd({2, 4, 8}, 4));
  DecoderOutput oa = a.forward(tgt, memory, {}, {4, 2}), ob = b.forward(tgt, memory, {}, {4, 2});
  EXPECT_EQ(maxAbsDiff(oa.output.value(), ob.output.value()), 0.0);
  EXPECT_EQ(maxAbsDiff(oa.crossWeights[1].value(), ob.crossWeights[1].value()), 0.0);
}

// ---- against PyTorch (tests/data/golden, tools/make_goldens.py): d 6, 2 heads, FF 8 ----

void checkEncoderLayerAgainstTorch(const std::string& file, bool normFirst) {
  const SafetensorsFile g = test::loadGolden(file);
  Random rng(0);
  TransformerEncoderLayer layer({6, 2, 8, normFirst}, rng);
  layer.loadParameters(test::tensorMap(g));
  Var src(g.at("src"), true);
  EncoderLayerOutput o = layer.forward(src, test::asIndices(g.at("lengths")));
  expectMatchesTorch("output", o.output.value(), g.at("output"));
  expectMatchesTorch("self_attn_weights", o.selfWeights.value(), g.at("self_attn_weights"));
  sum(mul(o.output, Var(g.at("grad_output")))).backward();
  expectMatchesTorch("grad.src", src.grad(), g.at("grad.src"), 1e-4);
  expectParameterGradsMatchTorch(layer, g);
}

TEST(Transformer, EncoderLayerPostNormMatchesTorch) {
  checkEncoderLayerAgainstTorch("transformer_encoder_layer_postnorm", false);
}

TEST(Transformer, EncoderLayerPreNormMatchesTorch) {
  checkEncoderLayerAgainstTorch("transformer_encoder_layer_prenorm", true);
}

void checkDecoderLayerAgainstTorch(const std::string& file, bool normFirst) {
  const SafetensorsFile g = test::loadGolden(file);
  Random rng(0);
  TransformerDecoderLayer layer({6, 2, 8, normFirst}, rng);
  layer.loadParameters(test::tensorMap(g));
  Var tgt(g.at("tgt"), true), memory(g.at("memory"), true);
  DecoderLayerOutput o = layer.forward(tgt, memory, test::asIndices(g.at("tgt_lengths")),
                                       test::asIndices(g.at("memory_lengths")), true);
  expectMatchesTorch("output", o.output.value(), g.at("output"));
  expectMatchesTorch("self_attn_weights", o.selfWeights.value(), g.at("self_attn_weights"));
  expectMatchesTorch("cross_attn_weights", o.crossWeights.value(), g.at("cross_attn_weights"));
  sum(mul(o.output, Var(g.at("grad_output")))).backward();
  expectMatchesTorch("grad.tgt", tgt.grad(), g.at("grad.tgt"), 1e-4);
  expectMatchesTorch("grad.memory", memory.grad(), g.at("grad.memory"), 1e-4);
  expectParameterGradsMatchTorch(layer, g);
}

TEST(Transformer, DecoderLayerPostNormMatchesTorch) {
  checkDecoderLayerAgainstTorch("transformer_decoder_layer_postnorm", false);
}

TEST(Transformer, DecoderLayerPreNormMatchesTorch) {
  checkDecoderLayerAgainstTorch("transformer_decoder_layer_prenorm", true);
}

// ---- invariants through whole layers ----

TEST(Transformer, EncoderWeightsSumToOneAndSkipPaddingInEveryLayerAndHead) {
  Random rng(2);
  TransformerEncoder enc({8, 4, 16, false}, 2, true, rng);
  const std::vector<int64_t> lengths{5, 2, 4};
  EncoderOutput o = enc.forward(Var(rnd({3, 5, 8}, 3, -2, 2)), lengths);
  ASSERT_EQ(o.selfWeights.size(), 2u);
  for (const Var& w : o.selfWeights) {
    ASSERT_EQ(w.shape(), (Shape{3, 4, 5, 5}));
    expectRowsSumToOne(w.value());
    expectPaddedKeysZero(w.value(), lengths);
  }
}

TEST(Transformer, EncoderRealPositionsDoNotDependOnPadding) {
  // A sequence alone and the same sequence padded with junk in a batch: same outputs at its
  // real positions (docs/file-formats.md, Architectures: padding never changes a result).
  Random rng(3);
  TransformerEncoder enc({8, 2, 16, true}, 2, true, rng);
  Tensor alone = rnd({1, 3, 8}, 4, -2, 2);
  Tensor padded = rnd({2, 5, 8}, 5, -2, 2);
  for (int64_t i = 0; i < 3 * 8; ++i) padded[5 * 8 + i] = alone[i];  // row 1, positions 0..2
  EncoderOutput a = enc.forward(Var(alone));
  EncoderOutput b = enc.forward(Var(padded), {5, 3});
  Tensor rows = slice(slice(b.output, 0, 1, 1), 1, 0, 3).value();
  EXPECT_LT(maxAbsDiff(rows, a.output.value()), 1e-5);
}

TEST(Transformer, EncoderLayerIsPermutationEquivariantWithoutPositionalEncoding) {
  Random rng(4);
  TransformerEncoderLayer layer({8, 2, 16, false}, rng);
  const int64_t B = 2, T = 4, d = 8, h = 2;
  const std::vector<int64_t> perm{3, 1, 0, 2};
  Tensor x = rnd({B, T, d}, 5, -2, 2);
  Tensor xp = Tensor::empty(x.shape());
  for (int64_t b = 0; b < B; ++b)
    for (int64_t p = 0; p < T; ++p)
      for (int64_t k = 0; k < d; ++k) xp[(b * T + p) * d + k] = x[(b * T + perm[p]) * d + k];
  EncoderLayerOutput o = layer.forward(Var(x)), op = layer.forward(Var(xp));
  double worst = 0;
  for (int64_t b = 0; b < B; ++b)
    for (int64_t p = 0; p < T; ++p) {
      for (int64_t k = 0; k < d; ++k)
        worst = std::max(worst, double(std::fabs(op.output.value()[(b * T + p) * d + k] -
                                                 o.output.value()[(b * T + perm[p]) * d + k])));
      for (int64_t i = 0; i < h; ++i)
        for (int64_t q = 0; q < T; ++q)
          worst = std::max(
              worst,
              double(std::fabs(op.selfWeights.value()[((b * h + i) * T + p) * T + q] -
                               o.selfWeights.value()[((b * h + i) * T + perm[p]) * T + perm[q]])));
    }
  EXPECT_LT(worst, 1e-5) << "largest difference after permuting " << worst;
}

TEST(Transformer, DecoderSelfWeightsAreCausalAndCrossWeightsSkipPadding) {
  Random rng(5);
  TransformerDecoder dec({8, 2, 16, false}, 2, true, rng);
  const std::vector<int64_t> memLengths{4, 2};
  DecoderOutput o = dec.forward(Var(rnd({2, 3, 8}, 6)), Var(rnd({2, 4, 8}, 7)), {}, memLengths);
  for (size_t l = 0; l < 2; ++l) {
    const Tensor& s = o.selfWeights[l].value();
    expectRowsSumToOne(s);
    for (int64_t bh = 0; bh < 4; ++bh)
      for (int64_t t = 0; t < 3; ++t)
        for (int64_t j = t + 1; j < 3; ++j) EXPECT_EQ(s[(bh * 3 + t) * 3 + j], 0.0f);
    expectRowsSumToOne(o.crossWeights[l].value());
    expectPaddedKeysZero(o.crossWeights[l].value(), memLengths);
  }
}

void checkLayerStepByStepDecoding(bool normFirst) {
  // Greedy decoding feeds one position per step; the outputs and weights must be the rows
  // the whole-sequence forward gives (to float rounding).
  Random rng(6);
  TransformerDecoder dec({8, 2, 16, normFirst}, 2, true, rng);
  const int64_t B = 2, T = 4, S = 5;
  Var tgt(rnd({B, T, 8}, 7, -2, 2)), memory(rnd({B, S, 8}, 8, -2, 2));
  const std::vector<int64_t> memLengths{5, 3};
  NoGradGuard noGrad;
  DecoderOutput full = dec.forward(tgt, memory, {}, memLengths);
  TransformerDecoderState state = dec.startDecoding(memory, memLengths);
  double worst = 0;
  for (int64_t t = 0; t < T; ++t) {
    DecoderOutput o = dec.step(slice(tgt, 1, t, 1), state);
    worst = std::max(worst, maxAbsDiff(o.output.value(), slice(full.output, 1, t, 1).value()));
    for (size_t l = 0; l < 2; ++l) {
      ASSERT_EQ(o.selfWeights[l].shape(), (Shape{B, 2, 1, t + 1}));
      const Tensor& ws = o.selfWeights[l].value();
      const Tensor& wc = o.crossWeights[l].value();
      for (int64_t bh = 0; bh < B * 2; ++bh) {
        for (int64_t j = 0; j <= t; ++j)
          worst =
              std::max(worst, double(std::fabs(ws[bh * (t + 1) + j] -
                                               full.selfWeights[l].value()[(bh * T + t) * T + j])));
        for (int64_t j = 0; j < S; ++j)
          worst = std::max(worst,
                           double(std::fabs(wc[bh * S + j] -
                                            full.crossWeights[l].value()[(bh * T + t) * S + j])));
      }
    }
  }
  EXPECT_EQ(state.length, T);
  EXPECT_LT(worst, 1e-5) << "step-by-step vs full forward: largest difference " << worst;
}

TEST(Transformer, StepByStepDecodingMatchesForwardPostNorm) {
  checkLayerStepByStepDecoding(false);
}
TEST(Transformer, StepByStepDecodingMatchesForwardPreNorm) {
  checkLayerStepByStepDecoding(true);
}

TEST(Transformer, SelectedDecoderStateFollowsBeams) {
  // After one step of two hypotheses, beam search keeps rows {1, 1, 0}: the next step must
  // give what decoding those rows from the start gives.
  Random rng(9);
  TransformerDecoder dec({8, 2, 16, false}, 2, true, rng);
  Tensor memory = rnd({2, 4, 8}, 10), first = rnd({2, 1, 8}, 11), second = rnd({3, 1, 8}, 12);
  const std::vector<int64_t> rows{1, 1, 0};
  NoGradGuard noGrad;
  TransformerDecoderState state = dec.startDecoding(Var(memory), {4, 2});
  dec.step(Var(first), state);
  TransformerDecoderState beams = selectRows(state, rows);
  DecoderOutput a = dec.step(Var(second), beams);
  TransformerDecoderState fresh = dec.startDecoding(gatherBatch(Var(memory), rows), {2, 2, 4});
  dec.step(gatherBatch(Var(first), rows), fresh);
  DecoderOutput b = dec.step(Var(second), fresh);
  EXPECT_EQ(beams.length, 2);  // the step before the selection and the one after
  EXPECT_LT(maxAbsDiff(a.output.value(), b.output.value()), 1e-6);
  EXPECT_LT(maxAbsDiff(a.crossWeights[1].value(), b.crossWeights[1].value()), 1e-6);
  EXPECT_LT(maxAbsDiff(a.selfWeights[0].value(), b.selfWeights[0].value()), 1e-6);
}

// ---- positional encoding ----

TEST(PositionalEncoding, SinusoidValuesByHand) {
  // d 4: PE(p) = [sin p, cos p, sin(p/100), cos(p/100)] (10000^{2/4} = 100).
  SinusoidalPositionalEncoding pe(4);
  Tensor t = pe.table(3);
  ASSERT_EQ(t.shape(), (Shape{3, 4}));
  for (int64_t p = 0; p < 3; ++p) {
    const double x = double(p);
    EXPECT_NEAR(t[p * 4 + 0], std::sin(x), 1e-7);
    EXPECT_NEAR(t[p * 4 + 1], std::cos(x), 1e-7);
    EXPECT_NEAR(t[p * 4 + 2], std::sin(x / 100), 1e-7);
    EXPECT_NEAR(t[p * 4 + 3], std::cos(x / 100), 1e-7);
  }
  SinusoidalPositionalEncoding odd(3);  // an odd d: the last column is a sine
  EXPECT_NEAR(odd.table(2)[3 + 2], std::sin(1 / std::pow(10000.0, 2.0 / 3)), 1e-7);
}

TEST(PositionalEncoding, GrowingCacheAndOffsetsGiveTheSameRows) {
  SinusoidalPositionalEncoding pe(6);
  Tensor small = pe.table(2);
  Tensor big = pe.table(40);  // grows the cache
  Tensor tail = pe.table(3, 37);
  EXPECT_EQ(maxAbsDiff(small, slice(Var(big), 0, 0, 2).value()), 0.0);
  EXPECT_EQ(maxAbsDiff(tail, slice(Var(big), 0, 37, 3).value()), 0.0);
  SinusoidalPositionalEncoding fresh(6);
  EXPECT_EQ(maxAbsDiff(fresh.table(40), big), 0.0);
  // addTo adds the same rows to every batch row, from the offset.
  Var x(Tensor::zeros(Shape{2, 3, 6}));
  Tensor y = pe.addTo(x, 37).value();
  for (int64_t b = 0; b < 2; ++b)
    for (int64_t i = 0; i < 18; ++i) EXPECT_EQ(y[b * 18 + i], tail[i]);
}

// ---- a tiny task ----

TEST(Transformer, EncoderLayerLearnsToCopyTheFirstToken) {
  // Every position must output the sequence's first token: only attention (to position 0,
  // found through the positional encoding) can carry it there.
  Random rng(7);
  const int64_t V = 6, d = 16, T = 5, B = 32;
  Embedding emb(V, d, rng);
  SinusoidalPositionalEncoding pe(d);
  TransformerEncoderLayer layer({d, 2, 32, false}, rng);
  Linear out(d, V, true, rng);
  std::vector<Var> params = emb.parameters();
  for (const Module* m : {static_cast<const Module*>(&layer), static_cast<const Module*>(&out)})
    for (const Var& p : m->parameters()) params.push_back(p);
  Adam adam(params, 0.01);
  auto batch = [&](Random& r, std::vector<int64_t>& ids, std::vector<int64_t>& targets) {
    ids.resize(B * T);
    targets.resize(B * T);
    for (int64_t b = 0; b < B; ++b)
      for (int64_t t = 0; t < T; ++t) {
        ids[b * T + t] = 1 + r.below(V - 1);
        targets[b * T + t] = ids[b * T];
      }
  };
  auto logits = [&](const std::vector<int64_t>& ids) {
    Var x = pe.addTo(emb.forward(ids, Shape{B, T}));
    return reshape(out.forward(layer.forward(x).output), Shape{B * T, V});
  };
  Random data(8);
  std::vector<int64_t> ids, targets;
  double loss = 0;
  for (int step = 0; step < 150; ++step) {
    batch(data, ids, targets);
    Var l = crossEntropy(logits(ids), targets, -1);
    adam.zeroGrad();
    l.backward();
    adam.step();
    loss = l.value().item();
  }
  batch(data, ids, targets);  // unseen sequences
  NoGradGuard noGrad;
  Tensor y = logits(ids).value();
  int64_t correct = 0;
  for (int64_t r = 0; r < B * T; ++r) {
    Eigen::Index best;
    y.mat().row(r).maxCoeff(&best);
    correct += best == targets[static_cast<size_t>(r)];
  }
  EXPECT_LT(loss, 0.1);
  EXPECT_GE(correct, B * T * 98 / 100) << correct << " of " << B * T;
}

}  // namespace
}  // namespace attn
