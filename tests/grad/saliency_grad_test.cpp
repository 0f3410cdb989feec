// Saliency's gradients (core/explain/saliency.h) against central finite differences on the
// source input, float64, element by element: the RNN seq2seq with each attention score
// (additive, general, dot, none), the transformer (through its emb·√d input) and the Lin
// classifier, for log p(y_t) and for the logit, at the first and a later step; and the
// per-token gradient × input and norm recomputed from the numerical gradient.
#include <cmath>
#include <string>
#include <vector>

#include "explain/saliency.h"
#include "gradcheck.h"
#include "models/model.h"

namespace attn {
namespace {

data::Vocabulary vocab(const std::vector<std::string>& words) {
  std::vector<std::string> list = data::Vocabulary::specialTokens();
  list.insert(list.end(), words.begin(), words.end());
  return data::Vocabulary::fromList(list);
}

Model seq2seq(const nlohmann::json& config) {
  return createModel(config, data::TokenizerKind::Word, vocab({"a", "b", "c", "d"}),
                     vocab({"x", "y", "z"}), data::LabelVocabulary(), /*seed=*/11);
}

// A trace as decoding would write it, without log-probs (saliency then checks nothing more).
Trace traceFor(const Model& model, std::vector<std::string> source,
               std::vector<std::string> target) {
  Trace t;
  t.model = model.config;
  t.sourceTokens = std::move(source);
  t.targetTokens = std::move(target);
  return t;
}

// ∂f/∂input from saliency against (f(x + ε) − f(x − ε)) / 2ε for every element, and the
// per-token sums against the same sums of the numerical gradient.
void checkStep(const Model& model, const Trace& trace, int step, SaliencyOf of) {
  const SaliencyProblem p = saliencyProblem(model, trace, step);
  const SaliencyObjective f = p.objective(of);
  const InputSaliency s = inputSaliency(p.input, f);
  const double eps = 1e-6;
  Tensor x = p.input;
  Tensor numeric = Tensor::zeros(x.shape());
  double worst = 0;
  for (int64_t i = 0; i < x.numel(); ++i) {
    const Scalar saved = x[i];
    auto at = [&](Scalar v) {
      x[i] = v;
      NoGradGuard noGrad;
      return f(Var(x)).value().item();
    };
    numeric[i] = (at(saved + eps) - at(saved - eps)) / (2 * eps);
    x[i] = saved;
    const double diff = std::abs(numeric[i] - s.gradient[i]);
    worst = std::max(worst, diff);
    EXPECT_LE(diff, 1e-7 + 1e-5 * std::abs(numeric[i]))
        << "element " << i << ": analytic " << s.gradient[i] << ", numeric " << numeric[i];
  }
  const int64_t tokens = x.dim(1), dims = x.dim(2);
  for (int64_t j = 0; j < tokens; ++j) {
    double dot = 0, squares = 0;
    for (int64_t d = 0; d < dims; ++d) {
      dot += numeric[j * dims + d] * x[j * dims + d];
      squares += numeric[j * dims + d] * numeric[j * dims + d];
    }
    EXPECT_NEAR(s.gradientTimesInput[static_cast<size_t>(j)], dot, 1e-7 + 1e-5 * std::abs(dot));
    EXPECT_NEAR(s.gradientNorm[static_cast<size_t>(j)], std::sqrt(squares), 1e-7);
  }
  // Not a vacuous pass: the objective does depend on the source.
  EXPECT_GT(s.gradient.arr().abs().maxCoeff(), 1e-6) << "largest diff " << worst;
}

void checkSeq2Seq(const nlohmann::json& config) {
  const Model model = seq2seq(config);
  const Trace trace = traceFor(model, {"a", "c", "b", "d", "<eos>"}, {"y", "x", "z", "<eos>"});
  for (int step : {0, 2})
    for (SaliencyOf of : {SaliencyOf::LogProb, SaliencyOf::Logit}) {
      SCOPED_TRACE("step " + std::to_string(step) +
                   (of == SaliencyOf::Logit ? ", logit" : ", log p"));
      checkStep(model, trace, step, of);
    }
}

nlohmann::json rnn(const std::string& cell, const std::string& attention, const std::string& score,
                   bool bidirectional, bool feeding = false) {
  nlohmann::json c = {{"arch", "rnn_seq2seq"},  {"cell", cell},
                      {"embed_dim", 3},         {"hidden_dim", 4},
                      {"num_layers", 1},        {"bidirectional", bidirectional},
                      {"attention", attention}, {"attention_dim", 3}};
  if (attention != "none") c["score"] = score;
  if (attention == "luong") c["input_feeding"] = feeding;
  return c;
}

TEST(SaliencyGrad, RnnBahdanauAdditive) {
  checkSeq2Seq(rnn("gru", "bahdanau", "additive", true));
}
TEST(SaliencyGrad, RnnBahdanauGeneral) {
  checkSeq2Seq(rnn("lstm", "bahdanau", "general", true));
}
TEST(SaliencyGrad, RnnLuongGeneralInputFeeding) {
  checkSeq2Seq(rnn("lstm", "luong", "general", false, true));
}
TEST(SaliencyGrad, RnnLuongDot) {
  checkSeq2Seq(rnn("rnn", "luong", "dot", false));
}
TEST(SaliencyGrad, RnnLuongAdditive) {
  checkSeq2Seq(rnn("gru", "luong", "additive", true));
}
TEST(SaliencyGrad, RnnWithoutAttention) {
  checkSeq2Seq(rnn("gru", "none", "", true));
}

TEST(SaliencyGrad, Transformer) {
  checkSeq2Seq({{"arch", "transformer"},
                {"d_model", 4},
                {"nhead", 2},
                {"num_encoder_layers", 2},
                {"num_decoder_layers", 2},
                {"dim_feedforward", 6}});
}

TEST(SaliencyGrad, TransformerPreNorm) {
  checkSeq2Seq({{"arch", "transformer"},
                {"d_model", 4},
                {"nhead", 1},
                {"norm_first", true},
                {"num_encoder_layers", 1},
                {"num_decoder_layers", 1},
                {"dim_feedforward", 5}});
}

TEST(SaliencyGrad, LinClassifier) {
  const nlohmann::json config = {{"arch", "structured_self_attention"},
                                 {"cell", "lstm"},
                                 {"embed_dim", 3},
                                 {"hidden_dim", 3},
                                 {"attention_dim", 2},
                                 {"hops", 2},
                                 {"mlp_dim", 4},
                                 {"penalty", 1.0}};
  const Model model =
      createModel(config, data::TokenizerKind::Word, vocab({"good", "bad", "not", "film"}),
                  data::Vocabulary(), data::LabelVocabulary::fromList({"negative", "positive"}),
                  /*seed=*/11);
  for (const char* label : {"negative", "positive"}) {
    const Trace trace = traceFor(model, {"not", "a", "good", "film"}, {label});
    for (SaliencyOf of : {SaliencyOf::LogProb, SaliencyOf::Logit}) checkStep(model, trace, 0, of);
  }
}

}  // namespace
}  // namespace attn
