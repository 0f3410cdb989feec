// The structured self-attention classifier (docs/file-formats.md, structured_self_attention): its
// parameters, config checks, the hops as distributions, the penalty worked by hand on hops that are
// known, padding that changes nothing, a save/load round trip, and the PyTorch goldens
// (tests/data/golden/models, made by tools/make_model_goldens.py): forward values, loss, gradients,
// one SGD step and three Adam steps with clipping, each reporting its largest difference from
// PyTorch.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>

#include "golden.h"
#include "models/loss.h"
#include "models/model.h"
#include "models/structured_self_attention.h"
#include "optim/optimizer.h"
#include "tensor/ops.h"

namespace attn {
namespace {

using nlohmann::json;
using test::allClose;
using test::asIndices;
using test::testDataPath;

// Source vocabulary: the specials, then a (4), b (5), c (6), d (7).
data::Vocabulary smallVocab() {
  std::vector<std::string> list = data::Vocabulary::specialTokens();
  for (const char* t : {"a", "b", "c", "d"}) list.push_back(t);
  return data::Vocabulary::fromList(list);
}

Model makeClassifier(json config, std::vector<std::string> classes = {"neg", "neu", "pos"},
                     uint64_t seed = 3) {
  config["arch"] = "structured_self_attention";
  return createModel(config, data::TokenizerKind::Word, smallVocab(), {},
                     data::LabelVocabulary::fromList(classes), seed);
}

json smallConfig(const std::string& cell = "lstm") {
  return {{"cell", cell},       {"embed_dim", 5}, {"hidden_dim", 4},
          {"attention_dim", 3}, {"hops", 3},      {"mlp_dim", 6}};
}

Var param(const Model& m, const std::string& name) {
  for (auto& [n, v] : m.network().namedParameters())
    if (n == name) return v;
  ADD_FAILURE() << "no parameter " << name;
  return Var();
}

TEST(StructuredSelfAttention, ParameterNamesAndShapesFollowTheContract) {
  Model m = makeClassifier(smallConfig());
  const std::vector<std::pair<std::string, Shape>> expected = {
      {"embedding.weight", {8, 5}},
      {"encoder.weight_ih_l0", {16, 5}},
      {"encoder.weight_hh_l0", {16, 4}},
      {"encoder.bias_ih_l0", {16}},
      {"encoder.bias_hh_l0", {16}},
      {"encoder.weight_ih_l0_reverse", {16, 5}},
      {"encoder.weight_hh_l0_reverse", {16, 4}},
      {"encoder.bias_ih_l0_reverse", {16}},
      {"encoder.bias_hh_l0_reverse", {16}},
      {"ws1.weight", {3, 8}},
      {"ws2.weight", {3, 3}},
      {"fc.weight", {6, 24}},
      {"fc.bias", {6}},
      {"classifier.weight", {3, 6}},
      {"classifier.bias", {3}}};
  const NamedParameters got = m.network().namedParameters();
  ASSERT_EQ(got.size(), expected.size());
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].first, expected[i].first);
    EXPECT_EQ(got[i].second.shape(), expected[i].second) << got[i].first;
  }
  const auto c = StructuredSelfAttentionConfig::fromJson(m.config, 8, 3);
  EXPECT_EQ(c.parameterCount(), m.network().parameterCount());
  EXPECT_EQ(m.config["num_classes"], 3);  // filled in from the class names
  EXPECT_EQ(m.config["penalty"], 1.0);
  EXPECT_DOUBLE_EQ(m.classifier->penaltyCoefficient(), 1.0);
}

TEST(StructuredSelfAttention, GruEncoderHasThreeGates) {
  Model m = makeClassifier(smallConfig("gru"));
  EXPECT_EQ(param(m, "encoder.weight_ih_l0_reverse").shape(), (Shape{12, 5}));
}

TEST(StructuredSelfAttention, ConfigIsRangeCheckedWithClearErrors) {
  auto message = [](json c, std::vector<std::string> classes = {"neg", "neu", "pos"}) {
    try {
      makeClassifier(std::move(c), std::move(classes));
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  json c = smallConfig();
  c["num_classes"] = 2;
  EXPECT_NE(message(c).find("num_classes"), std::string::npos) << message(c);
  c = smallConfig("rnn");
  EXPECT_NE(message(c).find("cell"), std::string::npos) << message(c);
  c = smallConfig();
  c["hops"] = 0;
  EXPECT_NE(message(c).find("hops"), std::string::npos) << message(c);
  c = smallConfig();
  c["penalty"] = -1;
  EXPECT_NE(message(c).find("penalty"), std::string::npos) << message(c);
  c = smallConfig();
  c["attention_dim"] = 0;
  EXPECT_NE(message(c).find("attention_dim"), std::string::npos) << message(c);
  EXPECT_NE(message(smallConfig(), {}).find("class names"), std::string::npos);
  c = smallConfig();  // each key in range, but fc alone would be 4096 × 64·8192 weights
  c["hidden_dim"] = 4096;
  c["hops"] = 64;
  c["mlp_dim"] = 4096;
  EXPECT_NE(message(c).find("parameters"), std::string::npos) << message(c);
  c = smallConfig();
  c["num_classes"] = 3;
  c["penalty"] = 0.25;
  EXPECT_EQ(message(c), "no error");
  EXPECT_DOUBLE_EQ(makeClassifier(c).classifier->penaltyCoefficient(), 0.25);
}

TEST(StructuredSelfAttention, HopsAreDistributionsAndPaddedTokensGetExactlyZero) {
  Model m = makeClassifier(smallConfig());
  const TokenBatch src = TokenBatch::fromRows({{4, 5, 6, 7}, {5, 4}, {6}});
  NoGradGuard noGrad;
  ClassifierForward f = m.classifier->forward(src);
  ASSERT_EQ(f.hops.shape(), (Shape{3, 3, 4}));
  ASSERT_EQ(f.scores.shape(), (Shape{3, 3, 4}));
  ASSERT_EQ(f.logits.shape(), (Shape{3, 3}));
  ASSERT_EQ(f.penalty.shape(), (Shape{3}));
  const Tensor& a = f.hops.value();
  for (int64_t b = 0; b < 3; ++b)
    for (int64_t k = 0; k < 3; ++k) {
      double total = 0;
      for (int64_t j = 0; j < 4; ++j) {
        const Scalar w = a[(b * 3 + k) * 4 + j];
        if (j >= src.lengths[static_cast<size_t>(b)]) {
          EXPECT_EQ(w, 0) << "padded token " << j << " of row " << b;
          EXPECT_EQ(f.scores.value()[(b * 3 + k) * 4 + j], -INFINITY);
        } else {
          EXPECT_GT(w, 0);
        }
        total += w;
      }
      EXPECT_NEAR(total, 1.0, 1e-6) << "row " << b << " hop " << k;
    }
  // A one-token sentence: every hop is all on it, so AAᵀ is all ones and P = r² − r.
  EXPECT_NEAR(f.penalty.value()[2], 6.0, 1e-5);
}

// A GRU encoder whose output at each token depends on that token alone, and weights that make
// hop k look for token k: h_t = tanh(3 e(x_t)) (update gate shut, W_hh = 0), ws1 = [I I],
// ws2 = 50 I, so hop k scores ≈ 48 on a token with id 4 + k and 0 elsewhere.
Model tokenSpottingModel() {
  Model m = makeClassifier({{"cell", "gru"},
                            {"embed_dim", 3},
                            {"hidden_dim", 3},
                            {"attention_dim", 3},
                            {"hops", 3},
                            {"mlp_dim", 4}});
  for (auto& [name, v] : m.network().namedParameters()) v.mutableValue().setZero();
  Tensor& emb = param(m, "embedding.weight").mutableValue();  // [8, 3]
  for (int64_t k = 0; k < 3; ++k) emb[(4 + k) * 3 + k] = 1;
  for (const char* dir : {"", "_reverse"}) {
    Tensor& wih = param(m, std::string("encoder.weight_ih_l0") + dir).mutableValue();  // [9, 3]
    Tensor& bih = param(m, std::string("encoder.bias_ih_l0") + dir).mutableValue();    // [9]
    for (int64_t k = 0; k < 3; ++k) {
      wih[(6 + k) * 3 + k] = 3;  // the n gate reads the token
      bih[3 + k] = -100;         // z = σ(−100): h_t = n_t, nothing carried over
    }
  }
  Tensor& ws1 = param(m, "ws1.weight").mutableValue();  // [3, 6]
  Tensor& ws2 = param(m, "ws2.weight").mutableValue();  // [3, 3]
  for (int64_t k = 0; k < 3; ++k) {
    ws1[k * 6 + k] = ws1[k * 6 + 3 + k] = 1;
    ws2[k * 3 + k] = 50;
  }
  return m;
}

ClassifierForward forwardOne(const Model& m, const std::vector<int64_t>& ids) {
  NoGradGuard noGrad;
  return m.classifier->forward(TokenBatch::fromRows({ids}));
}

TEST(StructuredSelfAttention, PenaltyIsZeroWhenHopsAreOneHotOnDistinctTokens) {
  Model m = tokenSpottingModel();
  ClassifierForward f = forwardOne(m, {4, 5, 6});  // a b c: hop k finds token k only
  for (int64_t k = 0; k < 3; ++k) EXPECT_NEAR(f.hops.value()[k * 3 + k], 1.0, 1e-6) << k;
  EXPECT_NEAR(f.penalty.value()[0], 0.0, 1e-6);
}

TEST(StructuredSelfAttention, PenaltyOfIdenticalHopsByHand) {
  // a a a: hop 0 scores every token alike and hops 1, 2 find nothing, so every hop is uniform,
  // every entry of AAᵀ is 1/3 and P = 3 (1 − 1/3)² + 6 (1/3)² = 2.
  Model m = tokenSpottingModel();
  ClassifierForward f = forwardOne(m, {4, 4, 4});
  for (int64_t i = 0; i < 9; ++i) EXPECT_NEAR(f.hops.value()[i], 1.0 / 3, 1e-6);
  EXPECT_NEAR(f.penalty.value()[0], 2.0, 1e-5);
}

TEST(StructuredSelfAttention, PenaltyOfOverlappingHopsByHand) {
  // a b a: A = [½ 0 ½; 0 1 0; ⅓ ⅓ ⅓]. AAᵀ − I = [−½ 0 ⅓; 0 0 ⅓; ⅓ ⅓ −⅔], so
  // P = ¼ + 0 + 4/9 + 2 (0 + 1/9 + 1/9) = 41/36.
  Model m = tokenSpottingModel();
  ClassifierForward f = forwardOne(m, {4, 5, 4});
  const std::vector<Scalar> a = {0.5, 0, 0.5, 0, 1, 0, 1.0 / 3, 1.0 / 3, 1.0 / 3};
  EXPECT_TRUE(allClose(f.hops.value(), Tensor::fromVector(Shape{1, 3, 3}, a), 1e-6, 1e-6));
  EXPECT_NEAR(f.penalty.value()[0], 41.0 / 36, 1e-5);
}

TEST(StructuredSelfAttention, SameResultAloneAndInAPaddedBatch) {
  for (const char* cell : {"lstm", "gru"}) {
    Model m = makeClassifier(smallConfig(cell));
    const std::vector<std::vector<int64_t>> rows = {{4, 5}, {7, 6, 5, 4, 4}, {6, 6, 5}};
    NoGradGuard noGrad;
    ClassifierForward all = m.classifier->forward(TokenBatch::fromRows(rows));
    const int64_t n = 5, r = 3, c = 3;
    for (size_t b = 0; b < rows.size(); ++b) {
      ClassifierForward one = forwardOne(m, rows[b]);
      const int64_t len = static_cast<int64_t>(rows[b].size());
      for (int64_t k = 0; k < c; ++k)
        EXPECT_NEAR(all.logits.value()[static_cast<int64_t>(b) * c + k], one.logits.value()[k],
                    1e-5)
            << cell << " row " << b;
      for (int64_t k = 0; k < r; ++k)
        for (int64_t j = 0; j < len; ++j)
          EXPECT_NEAR(all.hops.value()[(static_cast<int64_t>(b) * r + k) * n + j],
                      one.hops.value()[k * len + j], 1e-6);
      EXPECT_NEAR(all.penalty.value()[static_cast<int64_t>(b)], one.penalty.value()[0], 1e-5);
    }
  }
}

TEST(StructuredSelfAttention, SaveAndLoadRoundTrip) {
  Model m = makeClassifier(smallConfig("gru"), {"neg", "neu", "pos"}, 11);
  const std::string path =
      (std::filesystem::temp_directory_path() / "attn_ssa_roundtrip.safetensors").string();
  saveModel(path, m);
  Model back = loadModel(path);
  std::filesystem::remove(path);
  EXPECT_TRUE(back.isClassifier());
  EXPECT_EQ(back.classes, m.classes);
  EXPECT_EQ(back.config, m.config);
  const TokenBatch src = TokenBatch::fromRows({{4, 5, 6}, {7}});
  NoGradGuard noGrad;
  EXPECT_TRUE(allClose(back.classifier->forward(src).logits.value(),
                       m.classifier->forward(src).logits.value(), 0, 0));
}

// ---- PyTorch goldens ----

class StructuredSelfAttentionTorch : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    golden_ = test::loadGolden("models/" + GetParam());
    src_.batch = golden_.at("src").dim(0);
    src_.length = golden_.at("src").dim(1);
    src_.ids = asIndices(golden_.at("src"));
    src_.lengths = asIndices(golden_.at("src_lengths"));
    labels_ = asIndices(golden_.at("labels"));
  }
  void TearDown() override {
    if (log_.count() == 0) return;
    std::printf("[ %s ] largest |diff| vs PyTorch over %d tensors: %.3g (%s)\n", GetParam().c_str(),
                log_.count(), log_.largest(), log_.where().c_str());
  }
  Model freshModel() const {
    return loadModel(testDataPath("golden/models/model_files/" + GetParam() + ".safetensors"));
  }
  // allClose at 1e-6 absolute + 1e-5 relative (the README's tolerance), keeping the largest
  // difference for the report.
  ::testing::AssertionResult close(const std::string& name, const Tensor& actual,
                                   const std::string& goldenName) {
    return log_.compare(name, actual, golden_.at(goldenName), 1e-6, 1e-5);
  }
  ::testing::AssertionResult closeScalar(const std::string& name, double actual,
                                         const std::string& goldenName) {
    return close(name, Tensor::scalar(static_cast<Scalar>(actual)), goldenName);
  }

  SafetensorsFile golden_;
  TokenBatch src_;
  std::vector<int64_t> labels_;
  test::ComparisonLog log_;
};

TEST_P(StructuredSelfAttentionTorch, ModelFileLoadsAsIs) {
  Model m = freshModel();
  EXPECT_TRUE(m.isClassifier());
  EXPECT_EQ(m.classes.toList(), (std::vector<std::string>{"negative", "neutral", "positive"}));
  EXPECT_DOUBLE_EQ(m.classifier->penaltyCoefficient(), GetParam() == "ssa_gru" ? 0.5 : 1.0);
}

TEST_P(StructuredSelfAttentionTorch, ForwardLogProbsHopsAndPenaltyMatchTorch) {
  Model m = freshModel();
  NoGradGuard noGrad;
  ClassifierForward f = m.classifier->forward(src_);
  EXPECT_TRUE(close("log_probs", logSoftmax(f.logits).value(), "log_probs"));
  EXPECT_TRUE(close("attn.hops", f.hops.value(), "attn.hops"));
  EXPECT_TRUE(close("penalty", f.penalty.value(), "penalty"));
  const Tensor& hops = golden_.at("attn.hops");  // padded tokens exactly 0 on both sides
  for (int64_t i = 0; i < hops.numel(); ++i) {
    if (hops[i] == 0) {
      EXPECT_EQ(f.hops.value()[i], 0) << i;
    }
  }
}

TEST_P(StructuredSelfAttentionTorch, LossAndGradientsMatchTorch) {
  Model m = freshModel();
  Var loss = classifierLoss(*m.classifier, src_, labels_);
  EXPECT_TRUE(closeScalar("loss", loss.value().item(), "loss"));
  loss.backward();
  for (auto& [name, p] : m.network().namedParameters())
    EXPECT_TRUE(close("grad." + name, p.grad(), "grad." + name));
}

TEST_P(StructuredSelfAttentionTorch, OneSgdStepMatchesTorch) {
  Model m = freshModel();
  Sgd sgd(m.network().parameters(), std::stod(golden_.metadata.at("lr_sgd")));
  classifierLoss(*m.classifier, src_, labels_).backward();
  sgd.step();
  for (auto& [name, p] : m.network().namedParameters())
    EXPECT_TRUE(close("sgd1." + name, p.value(), "sgd1." + name));
}

TEST_P(StructuredSelfAttentionTorch, ThreeAdamStepsWithClippingMatchTorch) {
  Model m = freshModel();
  Adam adam(m.network().parameters(), std::stod(golden_.metadata.at("lr_adam")));
  const double clip = std::stod(golden_.metadata.at("clip"));
  for (int k = 1; k <= 3; ++k) {
    const std::string s = std::to_string(k);
    adam.zeroGrad();
    Var loss = classifierLoss(*m.classifier, src_, labels_);
    EXPECT_TRUE(closeScalar("loss" + s, loss.value().item(), "loss" + s));
    loss.backward();
    EXPECT_TRUE(closeScalar("grad_norm" + s, clipGradNorm(adam.params(), clip), "grad_norm" + s));
    adam.step();
    for (auto& [name, p] : m.network().namedParameters())
      EXPECT_TRUE(close("adam" + s + "." + name, p.value(), "adam" + s + "." + name));
  }
}

INSTANTIATE_TEST_SUITE_P(Goldens, StructuredSelfAttentionTorch,
                         ::testing::Values("ssa_lstm", "ssa_gru"));

}  // namespace
}  // namespace attn
