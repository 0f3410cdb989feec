// rnn_seq2seq: parameter names of the contract, incremental decoding equal to the
// teacher-forced pass, padding-invariance, and the attention invariants.
#include <gtest/gtest.h>

#include "models/rnn_seq2seq.h"
#include "tensor/ops.h"

namespace attn {
namespace {

RnnSeq2SeqConfig config(RnnCell cell, AttentionKind att, ScoreKind score, bool bidir, int layers,
                        bool feeding) {
  RnnSeq2SeqConfig c;
  c.cell = cell;
  c.embedDim = 5;
  c.hiddenDim = 6;
  c.numLayers = layers;
  c.bidirectional = bidir;
  c.attention = att;
  c.score = score;
  c.attentionDim = 4;
  c.inputFeeding = feeding;
  c.srcVocab = 9;
  c.tgtVocab = 8;
  return c;
}

std::vector<RnnSeq2SeqConfig> allVariants() {
  return {config(RnnCell::Gru, AttentionKind::Bahdanau, ScoreKind::Additive, true, 1, false),
          config(RnnCell::Lstm, AttentionKind::Luong, ScoreKind::General, false, 2, true),
          config(RnnCell::Rnn, AttentionKind::Luong, ScoreKind::Dot, false, 1, false),
          config(RnnCell::Gru, AttentionKind::None, ScoreKind::Dot, true, 2, false),
          config(RnnCell::Lstm, AttentionKind::Bahdanau, ScoreKind::General, true, 2, false)};
}

TEST(RnnSeq2Seq, ParameterNamesFollowTheContract) {
  Random rng(1);
  RnnSeq2Seq m(config(RnnCell::Lstm, AttentionKind::Luong, ScoreKind::General, true, 1, true), rng);
  std::map<std::string, Shape> got;
  for (auto& [name, v] : m.namedParameters()) got[name] = v.shape();
  // E 5, H 6, D 2, Vs 9, Vt 8, luong with input feeding: I = E + H = 11
  const std::map<std::string, Shape> expected = {{"encoder.embedding.weight", {9, 5}},
                                                 {"encoder.rnn.weight_ih_l0", {24, 5}},
                                                 {"encoder.rnn.weight_hh_l0", {24, 6}},
                                                 {"encoder.rnn.bias_ih_l0", {24}},
                                                 {"encoder.rnn.bias_hh_l0", {24}},
                                                 {"encoder.rnn.weight_ih_l0_reverse", {24, 5}},
                                                 {"encoder.rnn.weight_hh_l0_reverse", {24, 6}},
                                                 {"encoder.rnn.bias_ih_l0_reverse", {24}},
                                                 {"encoder.rnn.bias_hh_l0_reverse", {24}},
                                                 {"bridge.weight", {6, 12}},
                                                 {"bridge.bias", {6}},
                                                 {"decoder.embedding.weight", {8, 5}},
                                                 {"decoder.rnn.weight_ih_l0", {24, 11}},
                                                 {"decoder.rnn.weight_hh_l0", {24, 6}},
                                                 {"decoder.rnn.bias_ih_l0", {24}},
                                                 {"decoder.rnn.bias_hh_l0", {24}},
                                                 {"decoder.attention.W.weight", {6, 12}},
                                                 {"decoder.combine.weight", {6, 18}},
                                                 {"decoder.out.weight", {8, 6}},
                                                 {"decoder.out.bias", {8}}};
  EXPECT_EQ(got, expected);
}

TEST(RnnSeq2Seq, DotScoreWithBidirectionalEncoderIsRejected) {
  Random rng(1);
  EXPECT_THROW(
      RnnSeq2Seq(config(RnnCell::Gru, AttentionKind::Luong, ScoreKind::Dot, true, 1, false), rng),
      Error);
}

TEST(RnnSeq2Seq, StepByStepDecodingEqualsTeacherForcedPass) {
  for (const RnnSeq2SeqConfig& c : allVariants()) {
    Random rng(7);
    RnnSeq2Seq m(c, rng);
    TokenBatch src = TokenBatch::fromRows({{4, 5, 6, 3}, {7, 3}});
    TokenBatch tgt = TokenBatch::fromRows({{2, 4, 5, 6}, {2, 7, 4, 4}});
    Seq2SeqForward f = m.forward(src, tgt);
    Tensor lp = logSoftmax(f.logits).value();  // [B, T, V]
    auto state = m.encode(src);
    for (int64_t t = 0; t < tgt.length; ++t) {
      DecoderStepOutput out = m.step(*state, {tgt.at(0, t), tgt.at(1, t)});
      for (int64_t b = 0; b < 2; ++b)
        for (int64_t v = 0; v < c.tgtVocab; ++v)
          EXPECT_NEAR(out.logProbs[b * c.tgtVocab + v], lp[(b * tgt.length + t) * c.tgtVocab + v],
                      1e-5)
              << attentionKindName(c.attention) << " step " << t;
      if (c.attention != AttentionKind::None)
        for (int64_t b = 0; b < 2; ++b)
          for (int64_t j = 0; j < src.length; ++j)
            EXPECT_NEAR(out.attention.at(MapKind::Cross)[0][b * src.length + j],
                        f.attention.at(MapKind::Cross)[0][(b * tgt.length + t) * src.length + j],
                        1e-6);
    }
  }
}

TEST(RnnSeq2Seq, SentenceScoresTheSameAloneAndInAPaddedBatch) {
  for (const RnnSeq2SeqConfig& c : allVariants()) {
    Random rng(11);
    RnnSeq2Seq m(c, rng);
    TokenBatch alone = TokenBatch::fromRows({{7, 3}});
    TokenBatch aloneTgt = TokenBatch::fromRows({{2, 5}});
    TokenBatch batch = TokenBatch::fromRows({{4, 5, 6, 8, 3}, {7, 3}, {5, 3}});
    TokenBatch batchTgt = TokenBatch::fromRows({{2, 4, 5, 6}, {2, 5}, {2, 6, 6}});
    Tensor a = m.forward(alone, aloneTgt).logits.value();
    Tensor b = m.forward(batch, batchTgt).logits.value();
    const int64_t v = c.tgtVocab;
    for (int64_t t = 0; t < 2; ++t)
      for (int64_t k = 0; k < v; ++k)
        EXPECT_NEAR(a[t * v + k], b[(1 * 4 + t) * v + k], 1e-5) << attentionKindName(c.attention);
  }
}

TEST(RnnSeq2Seq, CrossAttentionRowsSumToOneAndPaddedKeysGetZero) {
  Random rng(3);
  RnnSeq2Seq m(config(RnnCell::Gru, AttentionKind::Bahdanau, ScoreKind::Additive, true, 1, false),
               rng);
  TokenBatch src = TokenBatch::fromRows({{4, 5, 6, 3}, {7, 3}});
  TokenBatch tgt = TokenBatch::fromRows({{2, 4, 5}, {2, 7, 4}});
  const Seq2SeqForward f = m.forward(src, tgt);
  const Tensor& w = f.attention.at(MapKind::Cross)[0];  // [B, 1, T, S]
  for (int64_t b = 0; b < 2; ++b)
    for (int64_t t = 0; t < 3; ++t) {
      double sum = 0;
      for (int64_t j = 0; j < 4; ++j) sum += w[(b * 3 + t) * 4 + j];
      EXPECT_NEAR(sum, 1.0, 1e-5);
    }
  for (int64_t t = 0; t < 3; ++t) {
    EXPECT_EQ(w[(1 * 3 + t) * 4 + 2], 0.0f);
    EXPECT_EQ(w[(1 * 3 + t) * 4 + 3], 0.0f);
  }
}

TEST(RnnSeq2Seq, BeamReorderingKeepsEachHypothesisState) {
  // Selecting rows [1, 0, 1] then stepping equals stepping each row's own state.
  Random rng(4);
  RnnSeq2Seq m(config(RnnCell::Lstm, AttentionKind::Luong, ScoreKind::General, false, 2, true),
               rng);
  TokenBatch src = TokenBatch::fromRows({{4, 5, 6, 3}, {7, 3}});
  auto s = m.encode(src);
  m.step(*s, {2, 2});
  s->selectRows({1, 0, 1});
  DecoderStepOutput mixed = m.step(*s, {4, 5, 6});
  auto single = m.encode(src.selectRows({1}));
  m.step(*single, {2});
  DecoderStepOutput own = m.step(*single, {6});
  for (int64_t v = 0; v < 8; ++v) EXPECT_NEAR(mixed.logProbs[2 * 8 + v], own.logProbs[v], 1e-5);
}

}  // namespace
}  // namespace attn
