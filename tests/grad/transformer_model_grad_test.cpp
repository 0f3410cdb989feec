// Gradient checks (float64) of the whole transformer model, post-norm and pre-norm, through the
// teacher-forced forward pass on a padded batch: both embeddings, every layer of both stacks,
// the final norms and the output layer, at every target position.
#include "gradcheck.h"
#include "models/transformer_model.h"
#include "tensor/random_tensor.h"

namespace attn {
namespace {

using testing::gradCheckParameters;

void checkModel(bool normFirst) {
  TransformerModelConfig c;
  c.dModel = 4;
  c.nhead = 2;
  c.numEncoderLayers = 1;
  c.numDecoderLayers = 1;
  c.dimFeedforward = 6;
  c.normFirst = normFirst;
  c.srcVocab = 6;
  c.tgtVocab = 6;
  Random rng(5);
  TransformerModel model(c, rng);
  // PyTorch's init leaves attention biases at 0 and norms at 1, 0: nudged, so that no term of
  // the gradient is hidden by a zero factor.
  for (Var& p : model.parameters())
    p.mutableValue().arr() += normalTensor(rng, p.shape(), 0, 0.3).arr();
  // Sources of lengths 3 and 2 (padded), targets of lengths 3 and 2 (padded).
  TokenBatch src = TokenBatch::fromRows({{4, 5, 3}, {5, 3}});
  TokenBatch tgt = TokenBatch::fromRows({{2, 4, 5}, {2, 5}});
  EXPECT_TRUE(
      gradCheckParameters([&] { return model.forward(src, tgt).logits; }, model.parameters()));
}

TEST(TransformerModelGrad, PostNormModelGrad) {
  checkModel(false);
}

TEST(TransformerModelGrad, PreNormModelGrad) {
  checkModel(true);
}

}  // namespace
}  // namespace attn
