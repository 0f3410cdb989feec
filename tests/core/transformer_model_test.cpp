// The transformer model (docs/file-formats.md, transformer): nn.Transformer's parameter names and
// shapes, its config, a save/load round trip, incremental decoding equal to the teacher-forced pass
// (every map), padding-invariance, beam reordering, the attention invariants (rows sum to 1, causal
// and padded keys exactly 0), and a tiny task it learns in seconds.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "data/encoding.h"
#include "data/tasks/task.h"
#include "models/model.h"
#include "models/transformer_model.h"
#include "sanitizers.h"
#include "tensor/ops.h"
#include "tensor/random_tensor.h"
#include "train/trainer.h"

namespace attn {
namespace {

TransformerModelConfig config(bool normFirst, int64_t encoderLayers = 2,
                              int64_t decoderLayers = 2) {
  TransformerModelConfig c;
  c.dModel = 8;
  c.nhead = 2;
  c.numEncoderLayers = encoderLayers;
  c.numDecoderLayers = decoderLayers;
  c.dimFeedforward = 16;
  c.normFirst = normFirst;
  c.srcVocab = 9;
  c.tgtVocab = 8;
  return c;
}

// Nudges every parameter (norm weights of exactly 1 and zero biases hide mistakes).
void perturb(Module& m, uint64_t seed) {
  Random rng(seed);
  for (Var& p : m.parameters())
    p.mutableValue().arr() += normalTensor(rng, p.shape(), 0, 0.2).arr();
}

// Element [b, h, q, k] of a [B, h, Q, K] map.
Scalar at(const Tensor& w, int64_t b, int64_t h, int64_t q, int64_t k) {
  return w[((b * w.dim(1) + h) * w.dim(2) + q) * w.dim(3) + k];
}

TEST(TransformerModel, ParametersAreNnTransformersNamesAndShapes) {
  Random rng(1);
  TransformerModel m(config(false, 1, 1), rng);
  std::vector<std::string> got;
  for (auto& [name, p] : m.namedParameters()) got.push_back(name + p.shape().toString());
  // d 8, F 16, Vs 9, Vt 8: the reference module's state_dict, in its order.
  const std::vector<std::string> expected = {
      "src_embedding.weight[9, 8]",
      "tgt_embedding.weight[8, 8]",
      "transformer.encoder.layers.0.self_attn.in_proj_weight[24, 8]",
      "transformer.encoder.layers.0.self_attn.in_proj_bias[24]",
      "transformer.encoder.layers.0.self_attn.out_proj.weight[8, 8]",
      "transformer.encoder.layers.0.self_attn.out_proj.bias[8]",
      "transformer.encoder.layers.0.linear1.weight[16, 8]",
      "transformer.encoder.layers.0.linear1.bias[16]",
      "transformer.encoder.layers.0.linear2.weight[8, 16]",
      "transformer.encoder.layers.0.linear2.bias[8]",
      "transformer.encoder.layers.0.norm1.weight[8]",
      "transformer.encoder.layers.0.norm1.bias[8]",
      "transformer.encoder.layers.0.norm2.weight[8]",
      "transformer.encoder.layers.0.norm2.bias[8]",
      "transformer.encoder.norm.weight[8]",
      "transformer.encoder.norm.bias[8]",
      "transformer.decoder.layers.0.self_attn.in_proj_weight[24, 8]",
      "transformer.decoder.layers.0.self_attn.in_proj_bias[24]",
      "transformer.decoder.layers.0.self_attn.out_proj.weight[8, 8]",
      "transformer.decoder.layers.0.self_attn.out_proj.bias[8]",
      "transformer.decoder.layers.0.multihead_attn.in_proj_weight[24, 8]",
      "transformer.decoder.layers.0.multihead_attn.in_proj_bias[24]",
      "transformer.decoder.layers.0.multihead_attn.out_proj.weight[8, 8]",
      "transformer.decoder.layers.0.multihead_attn.out_proj.bias[8]",
      "transformer.decoder.layers.0.linear1.weight[16, 8]",
      "transformer.decoder.layers.0.linear1.bias[16]",
      "transformer.decoder.layers.0.linear2.weight[8, 16]",
      "transformer.decoder.layers.0.linear2.bias[8]",
      "transformer.decoder.layers.0.norm1.weight[8]",
      "transformer.decoder.layers.0.norm1.bias[8]",
      "transformer.decoder.layers.0.norm2.weight[8]",
      "transformer.decoder.layers.0.norm2.bias[8]",
      "transformer.decoder.layers.0.norm3.weight[8]",
      "transformer.decoder.layers.0.norm3.bias[8]",
      "transformer.decoder.norm.weight[8]",
      "transformer.decoder.norm.bias[8]",
      "out.weight[8, 8]",
      "out.bias[8]"};
  EXPECT_EQ(got, expected);
}

TEST(TransformerModel, ParameterCountFromTheConfigEqualsTheBuiltModels) {
  for (bool normFirst : {false, true}) {
    Random rng(1);
    const TransformerModelConfig c = config(normFirst, 3, 2);
    EXPECT_EQ(c.parameterCount(), TransformerModel(c, rng).parameterCount());
  }
}

TEST(TransformerModel, ConfigReadsDefaultsAndRejectsBadSizes) {
  const nlohmann::json j = {{"arch", "transformer"}, {"d_model", 12}, {"nhead", 3}};
  TransformerModelConfig c = TransformerModelConfig::fromJson(j, 10, 11);
  EXPECT_EQ(c.numEncoderLayers, 2);  // the config table's defaults
  EXPECT_EQ(c.numDecoderLayers, 2);
  EXPECT_EQ(c.dimFeedforward, 48);
  EXPECT_FALSE(c.normFirst);
  EXPECT_EQ(c.toJson(), (nlohmann::json{{"arch", "transformer"},
                                        {"d_model", 12},
                                        {"nhead", 3},
                                        {"num_encoder_layers", 2},
                                        {"num_decoder_layers", 2},
                                        {"dim_feedforward", 48},
                                        {"norm_first", false}}));
  EXPECT_EQ(TransformerModelConfig::fromJson(c.toJson(), 10, 11).toJson(), c.toJson());

  auto with = [&](const char* key, nlohmann::json value) {
    nlohmann::json k = j;
    k[key] = std::move(value);
    return k;
  };
  try {
    TransformerModelConfig::fromJson(with("nhead", 5), 10, 11);
    ADD_FAILURE() << "d_model 12 with 5 heads was accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("must divide d_model (12)"), std::string::npos)
        << e.what();
  }
  EXPECT_THROW(TransformerModelConfig::fromJson(with("d_model", 0), 10, 11), Error);
  EXPECT_THROW(TransformerModelConfig::fromJson(with("nhead", 1000), 10, 11), Error);
  EXPECT_THROW(TransformerModelConfig::fromJson(with("num_decoder_layers", 99), 10, 11), Error);
  EXPECT_THROW(TransformerModelConfig::fromJson(with("dim_feedforward", -4), 10, 11), Error);
  EXPECT_THROW(TransformerModelConfig::fromJson(with("norm_first", "yes"), 10, 11), Error);
  // Every key has a default (config_keys.h): d_model 64.
  EXPECT_EQ(
      TransformerModelConfig::fromJson({{"arch", "transformer"}, {"nhead", 2}}, 10, 11).dModel, 64);
}

TEST(TransformerModel, SavedModelLoadsWithTheSameOutputs) {
  std::vector<std::string> tokens = data::Vocabulary::specialTokens();
  for (const char* t : {"a", "b", "c"}) tokens.push_back(t);
  const data::Vocabulary vocab = data::Vocabulary::fromList(tokens);
  const nlohmann::json cfg = {{"arch", "transformer"},
                              {"d_model", 8},
                              {"nhead", 2},
                              {"num_encoder_layers", 2},
                              {"norm_first", true}};
  Model m = createModel(cfg, data::TokenizerKind::Word, vocab, vocab, {}, 3);
  const std::string path =
      (std::filesystem::temp_directory_path() / "attn_transformer_model_test.safetensors").string();
  saveModel(path, m);
  Model back = loadModel(path);
  std::remove(path.c_str());
  EXPECT_EQ(back.config, m.config);
  TokenBatch src = TokenBatch::fromRows({{4, 5, 3}, {6, 3}});
  TokenBatch tgt = TokenBatch::fromRows({{2, 4}, {2, 6}});
  NoGradGuard noGrad;
  const Tensor a = m.seq2seq->forward(src, tgt).logits.value();
  const Tensor b = back.seq2seq->forward(src, tgt).logits.value();
  EXPECT_TRUE((a.arr() == b.arr()).all());
}

void checkModelStepByStepDecoding(bool normFirst) {
  SCOPED_TRACE(normFirst ? "pre-norm" : "post-norm");
  Random rng(7);
  TransformerModel m(config(normFirst), rng);
  perturb(m, 8);
  // Sources of lengths 4 and 2, targets of 5 and 3 (row 1 is fed <pad> past its end; its
  // real positions cannot see those).
  TokenBatch src = TokenBatch::fromRows({{4, 5, 6, 3}, {7, 3}});
  TokenBatch tgt = TokenBatch::fromRows({{2, 4, 5, 6, 7}, {2, 7, 4}});
  NoGradGuard noGrad;
  const Seq2SeqForward f = m.forward(src, tgt);
  const Tensor lp = logSoftmax(f.logits).value();  // [B, T, V]
  const int64_t T = tgt.length, S = src.length, V = 8, H = 2;
  auto state = m.encode(src);
  const AttentionMaps enc = state->encoderAttention();
  for (size_t l = 0; l < 2; ++l) {
    const Tensor& a = enc.at(MapKind::EncoderSelf)[l];
    const Tensor& b = f.attention.at(MapKind::EncoderSelf)[l];
    ASSERT_EQ(a.shape(), b.shape());
    for (int64_t i = 0; i < a.numel(); ++i) EXPECT_NEAR(a[i], b[i], 1e-6) << MapKind::EncoderSelf;
  }
  double worst = 0;
  for (int64_t t = 0; t < T; ++t) {
    const DecoderStepOutput out = m.step(*state, {tgt.at(0, t), tgt.at(1, t)});
    for (int64_t b = 0; b < 2; ++b) {
      if (t >= tgt.lengths[static_cast<size_t>(b)]) continue;
      for (int64_t v = 0; v < V; ++v) {
        const double d = std::abs(out.logProbs[b * V + v] - lp[(b * T + t) * V + v]);
        worst = std::max(worst, d);
        EXPECT_LT(d, 1e-5) << "log-prob, row " << b << " step " << t;
      }
      for (size_t l = 0; l < 2; ++l) {
        const Tensor& self = out.attention.at(MapKind::DecoderSelf)[l];  // [N, h, t + 1]
        const Tensor& cross = out.attention.at(MapKind::Cross)[l];       // [N, h, S]
        ASSERT_EQ(self.shape(), (Shape{2, H, t + 1}));
        ASSERT_EQ(cross.shape(), (Shape{2, H, S}));
        for (int64_t h = 0; h < H; ++h) {
          for (int64_t k = 0; k <= t; ++k)
            EXPECT_NEAR(self[(b * H + h) * (t + 1) + k],
                        at(f.attention.at(MapKind::DecoderSelf)[l], b, h, t, k), 1e-6)
                << "decoder_self layer " << l << " row " << b << " step " << t;
          for (int64_t k = 0; k < S; ++k)
            EXPECT_NEAR(cross[(b * H + h) * S + k],
                        at(f.attention.at(MapKind::Cross)[l], b, h, t, k), 1e-6)
                << "cross layer " << l << " row " << b << " step " << t;
        }
      }
    }
  }
  ::testing::Test::RecordProperty("largest_log_prob_difference", std::to_string(worst));
}

TEST(TransformerModel, StepByStepDecodingEqualsTeacherForcedPassPostNorm) {
  checkModelStepByStepDecoding(false);
}
TEST(TransformerModel, StepByStepDecodingEqualsTeacherForcedPassPreNorm) {
  checkModelStepByStepDecoding(true);
}

TEST(TransformerModel, SentenceGivesTheSameResultAloneAndInAPaddedBatch) {
  for (bool normFirst : {false, true}) {
    Random rng(11);
    TransformerModel m(config(normFirst), rng);
    perturb(m, 12);
    TokenBatch alone = TokenBatch::fromRows({{7, 3}});
    TokenBatch aloneTgt = TokenBatch::fromRows({{2, 5}});
    TokenBatch batch = TokenBatch::fromRows({{4, 5, 6, 8, 3}, {7, 3}, {5, 3}});
    TokenBatch batchTgt = TokenBatch::fromRows({{2, 4, 5, 6}, {2, 5}, {2, 6, 6}});
    NoGradGuard noGrad;
    const Seq2SeqForward a = m.forward(alone, aloneTgt);
    const Seq2SeqForward b = m.forward(batch, batchTgt);
    const int64_t v = 8;
    for (int64_t t = 0; t < 2; ++t)
      for (int64_t k = 0; k < v; ++k)
        EXPECT_NEAR(a.logits.value()[t * v + k], b.logits.value()[(1 * 4 + t) * v + k], 1e-5);
    // Every map over the real queries and keys of row 1.
    for (MapKind name : {MapKind::EncoderSelf, MapKind::DecoderSelf, MapKind::Cross})
      for (size_t l = 0; l < 2; ++l) {
        const Tensor& x = a.attention.at(name)[l];
        const Tensor& y = b.attention.at(name)[l];
        for (int64_t h = 0; h < 2; ++h)
          for (int64_t q = 0; q < x.dim(2); ++q)
            for (int64_t k = 0; k < x.dim(3); ++k)
              EXPECT_NEAR(at(x, 0, h, q, k), at(y, 1, h, q, k), 1e-6) << name << " layer " << l;
      }
  }
}

TEST(TransformerModel, BeamReorderingKeepsEachHypothesisState) {
  // Selecting rows [1, 0, 1] after two steps, then stepping, equals decoding row 1 alone.
  Random rng(4);
  TransformerModel m(config(true), rng);
  perturb(m, 5);
  TokenBatch src = TokenBatch::fromRows({{4, 5, 6, 3}, {7, 3}});
  auto s = m.encode(src);
  m.step(*s, {2, 2});
  m.step(*s, {4, 6});
  s->selectRows({1, 0, 1});
  EXPECT_EQ(s->rows(), 3);
  const DecoderStepOutput mixed = m.step(*s, {4, 5, 6});
  auto single = m.encode(src.selectRows({1}));
  m.step(*single, {2});
  m.step(*single, {6});
  const DecoderStepOutput own = m.step(*single, {6});
  for (int64_t v = 0; v < 8; ++v) EXPECT_NEAR(mixed.logProbs[2 * 8 + v], own.logProbs[v], 1e-5);
  for (MapKind name : {MapKind::DecoderSelf, MapKind::Cross}) {
    const Tensor& x = mixed.attention.at(name)[1];  // [3, h, K]
    const Tensor& y = own.attention.at(name)[1];    // [1, h, K'] (K' <= K: row 1's own source)
    const int64_t K = x.dim(2), K1 = y.dim(2);
    for (int64_t h = 0; h < 2; ++h)
      for (int64_t k = 0; k < K1; ++k)
        EXPECT_NEAR(x[(2 * 2 + h) * K + k], y[h * K1 + k], 1e-6) << name;
  }
  // The encoder's maps follow the hypotheses too: row 0 of the state is source row 1.
  const Tensor picked = s->encoderAttention().at(MapKind::EncoderSelf)[0];  // [3, h, S, S]
  const Tensor ownEnc = single->encoderAttention().at(MapKind::EncoderSelf)[0];
  ASSERT_EQ(picked.dim(0), 3);
  for (int64_t h = 0; h < 2; ++h)
    for (int64_t q = 0; q < 2; ++q)
      for (int64_t k = 0; k < 2; ++k)
        EXPECT_NEAR(at(picked, 0, h, q, k), at(ownEnc, 0, h, q, k), 1e-6);
}

// The maps of a padded batch: sources of lengths 4 and 2, targets of 3 and 2.
struct PaddedForward {
  TokenBatch src = TokenBatch::fromRows({{4, 5, 6, 3}, {7, 3}});
  TokenBatch tgt = TokenBatch::fromRows({{2, 4, 5}, {2, 7}});
  Seq2SeqForward f;
  explicit PaddedForward(bool normFirst) {
    Random rng(3);
    TransformerModel m(config(normFirst), rng);
    perturb(m, 6);
    NoGradGuard noGrad;
    f = m.forward(src, tgt);
  }
};

TEST(TransformerModel, RowsOfEveryMapSumToOne) {
  for (bool normFirst : {false, true}) {
    PaddedForward p(normFirst);
    for (MapKind name : {MapKind::EncoderSelf, MapKind::DecoderSelf, MapKind::Cross}) {
      ASSERT_EQ(p.f.attention.at(name).size(), 2u) << name;
      for (const Tensor& w : p.f.attention.at(name)) {
        const auto rows = w.mat();
        for (int64_t r = 0; r < rows.rows(); ++r)
          EXPECT_NEAR(rows.row(r).sum(), 1.0f, 1e-5f) << name << " row " << r;
      }
    }
  }
}

TEST(TransformerModel, DecoderSelfAttentionIsExactlyZeroAboveTheDiagonal) {
  PaddedForward p(false);
  for (const Tensor& w : p.f.attention.at(MapKind::DecoderSelf))
    for (int64_t b = 0; b < 2; ++b)
      for (int64_t h = 0; h < 2; ++h)
        for (int64_t q = 0; q < 3; ++q)
          for (int64_t k = q + 1; k < 3; ++k) EXPECT_EQ(at(w, b, h, q, k), 0.0f);
}

TEST(TransformerModel, PaddedKeysGetExactlyZero) {
  PaddedForward p(true);
  // Row 1: source keys 2, 3 are padding (encoder and cross), target key 2 (decoder).
  for (const Tensor& w : p.f.attention.at(MapKind::EncoderSelf))
    for (int64_t h = 0; h < 2; ++h)
      for (int64_t q = 0; q < 4; ++q) {
        EXPECT_EQ(at(w, 1, h, q, 2), 0.0f);
        EXPECT_EQ(at(w, 1, h, q, 3), 0.0f);
      }
  for (const Tensor& w : p.f.attention.at(MapKind::Cross))
    for (int64_t h = 0; h < 2; ++h)
      for (int64_t q = 0; q < 3; ++q) {
        EXPECT_EQ(at(w, 1, h, q, 2), 0.0f);
        EXPECT_EQ(at(w, 1, h, q, 3), 0.0f);
      }
  for (const Tensor& w : p.f.attention.at(MapKind::DecoderSelf))
    for (int64_t h = 0; h < 2; ++h)
      for (int64_t q = 0; q < 3; ++q) EXPECT_EQ(at(w, 1, h, q, 2), 0.0f);
}

TEST(TransformerModel, LengthsBeyondThePositionalTableAreRefused) {
  Random rng(1);
  TransformerModel m(config(false), rng);
  EXPECT_EQ(m.maxTargetLength(), TransformerModel::kMaxPositions);
  std::vector<int64_t> tooLong(TransformerModel::kMaxPositions + 1, 4);
  tooLong.back() = 3;
  EXPECT_THROW(m.encode(TokenBatch::fromRows({tooLong})), Error);
  EXPECT_THROW(m.forward(TokenBatch::fromRows({{4, 3}}), TokenBatch::fromRows({tooLong})), Error);
}

TEST(TransformerModel, LearnsToCopyInSeconds) {
  ATTN_SKIP_CONVERGENCE_UNDER_SANITIZERS();
  auto task = data::makeTask("copy");
  data::TaskConfig tc = task->defaultConfig();
  tc.seed = 3;
  tc.trainSize = 3000;
  tc.validationSize = 200;
  tc.testSize = 200;
  tc.minLength = 2;
  tc.maxLength = 5;
  tc.alphabetSize = 6;
  const data::Dataset dataset = task->generate(tc);
  const data::Vocabularies vocabs = data::buildVocabularies(dataset);
  const data::EncodedSplit trainSplit = data::encodeExamples(dataset.train, vocabs);
  const data::EncodedSplit validation = data::encodeExamples(dataset.validation, vocabs);
  const nlohmann::json cfg = {
      {"arch", "transformer"},   {"d_model", 32},           {"nhead", 2},
      {"num_encoder_layers", 1}, {"num_decoder_layers", 1}, {"dim_feedforward", 64},
      {"norm_first", true}};
  Model m = createModel(cfg, vocabs.tokenizer, vocabs.source, vocabs.target, {}, 7);
  TrainConfig c;
  c.steps = 1000;
  c.schedule.lr = 0.003;
  c.evalEvery = 250;
  const TrainResult r = train(m, trainSplit, validation, c);
  ASSERT_FALSE(r.validations.empty());
  EXPECT_GE(*r.best.exactMatch, 0.9) << "validation exact match " << *r.best.exactMatch;
  EXPECT_LT(r.losses.back().loss, r.losses.front().loss / 5);
}

}  // namespace
}  // namespace attn
