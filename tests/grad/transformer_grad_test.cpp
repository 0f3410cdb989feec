// Finite-difference gradient checks (float64) of the transformer layers, post-norm and
// pre-norm, w.r.t. their inputs and every parameter, with padding and the causal mask on;
// and of the decoder's step-by-step path, whose self-attention keys come from a cache.
#include "layers/transformer.h"
#include "module_gradcheck.h"
#include "random_tensor.h"

namespace attn {
namespace {

using testing::joinOutputs;
using testing::moduleGradCheck;

using test::rnd;

using testing::perturb;

// d 4, 2 heads, feed-forward 6: tiny, so a check runs in milliseconds.
TransformerLayerConfig tiny(bool normFirst) {
  return {4, 2, 6, normFirst};
}

void checkEncoderLayer(bool normFirst) {
  Random rng(1);
  TransformerEncoderLayer layer(tiny(normFirst), rng);
  perturb(layer, 5);
  EXPECT_TRUE(moduleGradCheck(layer,
                              [&](auto& v) {
                                EncoderLayerOutput o = layer.forward(v[0], {3, 2});
                                return joinOutputs({o.output, o.selfWeights});
                              },
                              {rnd({2, 3, 4}, 2, -2, 2)}));
}

TEST(TransformerGrad, EncoderLayerPostNormWithPaddingGrad) {
  checkEncoderLayer(false);
}
TEST(TransformerGrad, EncoderLayerPreNormWithPaddingGrad) {
  checkEncoderLayer(true);
}

void checkDecoderLayer(bool normFirst) {
  Random rng(1);
  TransformerDecoderLayer layer(tiny(normFirst), rng);
  perturb(layer, 5);
  EXPECT_TRUE(
      moduleGradCheck(layer,
                      [&](auto& v) {
                        DecoderLayerOutput o = layer.forward(v[0], v[1], {3, 2}, {2, 3}, true);
                        return joinOutputs({o.output, o.selfWeights, o.crossWeights});
                      },
                      {rnd({2, 3, 4}, 2, -2, 2), rnd({2, 3, 4}, 3, -2, 2)}));
}

TEST(TransformerGrad, DecoderLayerPostNormCausalWithPaddingGrad) {
  checkDecoderLayer(false);
}
TEST(TransformerGrad, DecoderLayerPreNormCausalWithPaddingGrad) {
  checkDecoderLayer(true);
}

TEST(TransformerGrad, EncoderStackWithFinalNormGrad) {
  Random rng(1);
  TransformerEncoder enc(tiny(true), 2, true, rng);
  perturb(enc, 5);
  EXPECT_TRUE(moduleGradCheck(enc,
                              [&](auto& v) {
                                EncoderOutput o = enc.forward(v[0], {2, 3});
                                return joinOutputs({o.output, o.selfWeights[0], o.selfWeights[1]});
                              },
                              {rnd({2, 3, 4}, 2, -2, 2)}));
}

void checkDecoderSteps(bool normFirst) {
  // Two decoding steps (one position, then two) over a padded memory, through the stack.
  Random rng(1);
  TransformerDecoder dec(tiny(normFirst), 2, true, rng);
  perturb(dec, 5);
  EXPECT_TRUE(moduleGradCheck(
      dec,
      [&](auto& v) {
        TransformerDecoderState state = dec.startDecoding(v[2], {3, 2});
        DecoderOutput a = dec.step(v[0], state);
        DecoderOutput b = dec.step(v[1], state);
        return joinOutputs({a.output, b.output, b.selfWeights[1], b.crossWeights[0]});
      },
      {rnd({2, 1, 4}, 2, -2, 2), rnd({2, 2, 4}, 3, -2, 2), rnd({2, 3, 4}, 4, -2, 2)}));
}

TEST(TransformerGrad, DecoderStepByStepPostNormGrad) {
  checkDecoderSteps(false);
}
TEST(TransformerGrad, DecoderStepByStepPreNormGrad) {
  checkDecoderSteps(true);
}

}  // namespace
}  // namespace attn
