// Gradient checks (float64) of the whole rnn_seq2seq model, every attention variant, through
// the teacher-forced forward pass with a padded batch: every parameter, every step.
#include "gradcheck.h"
#include "models/rnn_seq2seq.h"

namespace attn {
namespace {

using testing::gradCheckParameters;

RnnSeq2SeqConfig tiny(RnnCell cell, AttentionKind att, ScoreKind score, bool bidir, int layers,
                      bool feeding = false) {
  RnnSeq2SeqConfig c;
  c.cell = cell;
  c.embedDim = 3;
  c.hiddenDim = 3;
  c.numLayers = layers;
  c.bidirectional = bidir;
  c.attention = att;
  c.score = score;
  c.attentionDim = 2;
  c.inputFeeding = feeding;
  c.srcVocab = 7;
  c.tgtVocab = 6;
  return c;
}

void checkModel(const RnnSeq2SeqConfig& c) {
  Random rng(5);
  RnnSeq2Seq model(c, rng);
  // Two sources of lengths 3 and 2 (padded), targets of lengths 3 and 2.
  TokenBatch src = TokenBatch::fromRows({{4, 5, 3}, {6, 3}});
  TokenBatch tgt = TokenBatch::fromRows({{2, 4, 5}, {2, 5}});
  EXPECT_TRUE(
      gradCheckParameters([&] { return model.forward(src, tgt).logits; }, model.parameters()));
}

TEST(RnnSeq2SeqGrad, GruBidirectionalBahdanauAdditiveGrad) {
  checkModel(tiny(RnnCell::Gru, AttentionKind::Bahdanau, ScoreKind::Additive, true, 1));
}

TEST(RnnSeq2SeqGrad, LstmTwoLayerLuongGeneralInputFeedingGrad) {
  checkModel(tiny(RnnCell::Lstm, AttentionKind::Luong, ScoreKind::General, false, 2, true));
}

TEST(RnnSeq2SeqGrad, RnnLuongDotGrad) {
  checkModel(tiny(RnnCell::Rnn, AttentionKind::Luong, ScoreKind::Dot, false, 1));
}

TEST(RnnSeq2SeqGrad, GruWithoutAttentionGrad) {
  checkModel(tiny(RnnCell::Gru, AttentionKind::None, ScoreKind::Dot, true, 2));
}

TEST(RnnSeq2SeqGrad, LstmBidirectionalBahdanauGeneralGrad) {
  checkModel(tiny(RnnCell::Lstm, AttentionKind::Bahdanau, ScoreKind::General, true, 1));
}

}  // namespace
}  // namespace attn
