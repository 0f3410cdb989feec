// Multi-head attention in float32: PyTorch's parameter names and initialisation, the
// invariants of its per-head weights (rows sum to 1, padded keys exactly 0, a causal upper
// triangle exactly 0, permutation equivariance of self-attention), its packed and step-by-step
// paths against the plain one, and nn.MultiheadAttention's golden outputs, per-head weights and
// gradients.
#include <gtest/gtest.h>

#include <cmath>

#include "attention_test_util.h"
#include "layers/multihead_attention.h"

namespace attn {
namespace {

using test::expectMatchesTorch;
using test::expectParameterGradsMatchTorch;
using test::expectRowsSumToOne;
using test::maxAbsDiff;
using test::rnd;

TEST(MultiheadAttention, ParametersAreNamedAndInitialisedAsPyTorch) {
  Random rng(1);
  MultiheadAttention mha(8, 2, rng);
  std::vector<std::string> names;
  for (auto& [n, p] : mha.namedParameters()) names.push_back(n + p.shape().toString());
  EXPECT_EQ(names, (std::vector<std::string>{"in_proj_weight[24, 8]", "in_proj_bias[24]",
                                             "out_proj.weight[8, 8]", "out_proj.bias[8]"}));
  EXPECT_EQ(mha.in_proj_bias.value().arr().abs().maxCoeff(), 0.0f);
  EXPECT_EQ(mha.out_proj.bias.value().arr().abs().maxCoeff(), 0.0f);
  const Scalar xavier = std::sqrt(6.0f / (24 + 8));
  EXPECT_LE(mha.in_proj_weight.value().arr().abs().maxCoeff(), xavier);
  EXPECT_GT(mha.in_proj_weight.value().arr().abs().maxCoeff(), 0.5f * xavier);
  EXPECT_LE(mha.out_proj.weight.value().arr().abs().maxCoeff(), 1 / std::sqrt(8.0f));
  EXPECT_THROW(MultiheadAttention(6, 4, rng), Error);  // 6 is not a multiple of 4
}

TEST(MultiheadAttention, WeightRowsSumToOneAndPaddedKeysGetExactlyZero) {
  Random rng(2);
  MultiheadAttention mha(8, 4, rng);
  const std::vector<int64_t> lengths{5, 2, 4};
  Var q(rnd({3, 3, 8}, 3, -2, 2)), kv(rnd({3, 5, 8}, 4, -2, 2));
  MhaOutput o = mha.forward(q, kv, kv, lengths);
  ASSERT_EQ(o.weights.shape(), (Shape{3, 4, 3, 5}));
  ASSERT_EQ(o.output.shape(), (Shape{3, 3, 8}));
  expectRowsSumToOne(o.weights.value());
  const Tensor& w = o.weights.value();
  for (int64_t b = 0; b < 3; ++b)
    for (int64_t i = 0; i < 4 * 3; ++i)
      for (int64_t j = lengths[static_cast<size_t>(b)]; j < 5; ++j)
        EXPECT_EQ(w[(b * 12 + i) * 5 + j], 0.0f) << "batch " << b << " key " << j;
}

TEST(MultiheadAttention, CausalMaskZerosTheUpperTriangleExactly) {
  Random rng(3);
  MultiheadAttention mha(8, 2, rng);
  Var x(rnd({2, 5, 8}, 4, -2, 2));
  MhaOutput o = mha.forward(x, x, x, {}, true);
  expectRowsSumToOne(o.weights.value());
  const Tensor& w = o.weights.value();
  for (int64_t bh = 0; bh < 4; ++bh)
    for (int64_t t = 0; t < 5; ++t)
      for (int64_t j = 0; j < 5; ++j) {
        const Scalar v = w[(bh * 5 + t) * 5 + j];
        if (j > t)
          EXPECT_EQ(v, 0.0f) << "query " << t << " sees later key " << j;
        else
          EXPECT_GT(v, 0.0f);
      }
  // The first query can only see itself.
  EXPECT_EQ(w[0], 1.0f);
}

TEST(MultiheadAttention, SelfAttentionIsPermutationEquivariant) {
  // Without positional encoding, permuting the tokens permutes the outputs' rows and both
  // axes of every head's weights the same way.
  Random rng(4);
  MultiheadAttention mha(8, 2, rng);
  const int64_t B = 2, T = 4, d = 8, h = 2;
  const std::vector<int64_t> perm{2, 0, 3, 1};  // new position p holds old token perm[p]
  Tensor x = rnd({B, T, d}, 5, -2, 2);
  Tensor xp = Tensor::empty(x.shape());
  for (int64_t b = 0; b < B; ++b)
    for (int64_t p = 0; p < T; ++p)
      for (int64_t k = 0; k < d; ++k) xp[(b * T + p) * d + k] = x[(b * T + perm[p]) * d + k];
  Var vx(x), vxp(xp);
  MhaOutput o = mha.forward(vx, vx, vx), op = mha.forward(vxp, vxp, vxp);
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
              double(std::fabs(op.weights.value()[((b * h + i) * T + p) * T + q] -
                               o.weights.value()[((b * h + i) * T + perm[p]) * T + perm[q]])));
    }
  EXPECT_LT(worst, 1e-5) << "largest difference after permuting " << worst;
}

TEST(MultiheadAttention, PackedSelfProjectionEqualsSeparateProjections) {
  // forward(x, x, x) takes the one-product path; copies of x take the separate one.
  Random rng(6);
  MultiheadAttention mha(8, 2, rng);
  Tensor x = rnd({2, 3, 8}, 7);
  Var a(x), b(x), c(x);
  MhaOutput fused = mha.forward(a, a, a, {3, 2}, true);
  MhaOutput separate = mha.forward(a, b, c, {3, 2}, true);
  EXPECT_LT(maxAbsDiff(fused.output.value(), separate.output.value()), 1e-6);
  EXPECT_LT(maxAbsDiff(fused.weights.value(), separate.weights.value()), 1e-6);
}

TEST(MultiheadAttention, AppendedKeysGiveTheSameAsCausalForward) {
  // Step-by-step self-attention over a growing cache reproduces the causal forward's rows.
  Random rng(8);
  MultiheadAttention mha(8, 2, rng);
  const int64_t B = 2, T = 4, d = 8;
  Var x(rnd({B, T, d}, 9));
  MhaOutput full = mha.forward(x, x, x, {}, true);
  MhaKeys cache;
  for (int64_t t = 0; t < T; ++t) {
    Var xt = slice(x, 1, t, 1);
    cache = mha.appendKeys(cache, xt);
    MhaOutput o = mha.attend(xt, cache, true);
    ASSERT_EQ(o.weights.shape(), (Shape{B, 2, 1, t + 1}));
    EXPECT_LT(maxAbsDiff(o.output.value(), slice(full.output, 1, t, 1).value()), 1e-6);
    for (int64_t b = 0; b < B * 2; ++b)
      for (int64_t j = 0; j <= t; ++j)
        EXPECT_NEAR(o.weights.value()[b * (t + 1) + j], full.weights.value()[(b * T + t) * T + j],
                    1e-6f);
  }
}

// ---- against PyTorch (tests/data/golden, tools/make_goldens.py) ----

void checkMhaAgainstTorch(const std::string& file, bool cross, bool causal) {
  const SafetensorsFile g = test::loadGolden(file);
  Random rng(0);
  MultiheadAttention mha(6, 2, rng);
  mha.loadParameters(test::tensorMap(g));
  const std::vector<int64_t> lengths = test::asIndices(g.at("lengths"));
  MhaOutput o;
  Var q, k, v;
  if (cross) {
    q = Var(g.at("query"), true);
    k = Var(g.at("key"), true);
    v = Var(g.at("value"), true);
    o = mha.forward(q, k, v, lengths, causal);
  } else {
    q = Var(g.at("input"), true);
    o = mha.forward(q, q, q, lengths, causal);
  }
  expectMatchesTorch("output", o.output.value(), g.at("output"));
  expectMatchesTorch("attn_weights", o.weights.value(), g.at("attn_weights"));
  sum(mul(o.output, Var(g.at("grad_output")))).backward();
  // Gradients add up over T·S products of float32 values: a looser tolerance than forward.
  if (cross) {
    expectMatchesTorch("grad.query", q.grad(), g.at("grad.query"), 1e-4);
    expectMatchesTorch("grad.key", k.grad(), g.at("grad.key"), 1e-4);
    expectMatchesTorch("grad.value", v.grad(), g.at("grad.value"), 1e-4);
  } else {
    expectMatchesTorch("grad.input", q.grad(), g.at("grad.input"), 1e-4);
  }
  expectParameterGradsMatchTorch(mha, g);
}

TEST(MultiheadAttention, SelfAttentionWithPaddingMatchesTorch) {
  checkMhaAgainstTorch("mha_self_padding", false, false);
}

TEST(MultiheadAttention, SelfAttentionCausalWithPaddingMatchesTorch) {
  checkMhaAgainstTorch("mha_self_causal", false, true);
}

TEST(MultiheadAttention, CrossAttentionWithPaddingMatchesTorch) {
  checkMhaAgainstTorch("mha_cross", true, false);
}

}  // namespace
}  // namespace attn
