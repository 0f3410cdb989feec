// Models the decoding tests run on: small word-tokenised rnn_seq2seq models with random weights
// (built in the test, so every attention variant is covered), and a "bigram" model whose
// weights are set by hand so that the next token's distribution depends only on the previous
// token: the one place where a test can know what greedy and beam search must find.
#pragma once

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "models/model.h"

namespace attn::test {

inline const std::vector<std::string>& decodeSourceWords() {
  static const std::vector<std::string> words = {"a", "b", "c", "d", "e", "f", "g", "h"};
  return words;
}

// Sentences the decoding tests run: one word, a few, a long one with repeats, an unknown word.
inline const std::vector<std::string>& decodeSentences() {
  static const std::vector<std::string> sentences = {"a", "b c d", "h g f e d c b a a b",
                                                     "c zebra e"};
  return sentences;
}

inline data::Vocabulary vocabularyOf(const std::vector<std::string>& words) {
  std::vector<std::string> list = data::Vocabulary::specialTokens();
  list.insert(list.end(), words.begin(), words.end());
  return data::Vocabulary::fromList(list);
}

// Target words w0 … w{n-1}.
inline std::vector<std::string> targetWords(int n) {
  std::vector<std::string> w;
  for (int i = 0; i < n; ++i) w.push_back("w" + std::to_string(i));
  return w;
}

inline nlohmann::json rnnConfig(const std::string& cell, const std::string& attention,
                                const std::string& score, bool bidirectional, int layers,
                                bool inputFeeding = false) {
  nlohmann::json c = {{"arch", "rnn_seq2seq"}, {"cell", cell},
                      {"embed_dim", 6},        {"hidden_dim", 8},
                      {"num_layers", layers},  {"bidirectional", bidirectional},
                      {"attention", attention}};
  if (attention != "none") c["score"] = score;
  if (attention == "luong") c["input_feeding"] = inputFeeding;
  return c;
}

// One of each attention kind, the cells and layouts mixed.
inline std::vector<nlohmann::json> rnnVariants() {
  return {rnnConfig("gru", "bahdanau", "additive", true, 1),
          rnnConfig("lstm", "luong", "general", false, 2, true),
          rnnConfig("rnn", "luong", "dot", false, 1), rnnConfig("gru", "none", "", true, 2)};
}

inline Model smallModel(const nlohmann::json& config, uint64_t seed, int targetVocab = 10) {
  return createModel(config, data::TokenizerKind::Word, vocabularyOf(decodeSourceWords()),
                     vocabularyOf(targetWords(targetVocab)), data::LabelVocabulary(), seed);
}

// Replaces one parameter's values (every other test of a hand-set model starts from zeros).
inline void setParameter(Model& m, const std::string& name, const std::vector<Scalar>& values) {
  for (auto& [n, p] : m.network().namedParameters())
    if (n == name) {
      ASSERT_EQ(p.value().numel(), static_cast<int64_t>(values.size())) << name;
      p.mutableValue() = Tensor::fromVector(p.shape(), values);
      return;
    }
  FAIL() << "no parameter " << name;
}

// One parameter's values, by its state_dict name.
inline const Tensor& parameterOf(const Model& m, const std::string& name) {
  for (auto& [n, p] : m.network().namedParameters())
    if (n == name) return p.value();
  throw std::runtime_error("no parameter " + name);
}

// Target tokens "a", "b" after the specials. next[prev][token] = p(token | prev) for prev in
// {"<sos>", "a", "b"}; tokens left out get probability ~1e-13. A plain RNN decoder with no
// recurrence (W_hh = 0) and one-hot embeddings makes s_i = tanh(3)·e_{y_{i−1}}, and the output
// layer's column for y_{i−1} holds the log-probs divided by tanh(3).
inline Model bigramModel(const std::map<std::string, std::map<std::string, double>>& next) {
  nlohmann::json config = {{"arch", "rnn_seq2seq"}, {"cell", "rnn"},   {"embed_dim", 6},
                           {"hidden_dim", 6},       {"num_layers", 1}, {"bidirectional", false},
                           {"attention", "none"}};
  Model m = createModel(config, data::TokenizerKind::Word, vocabularyOf({"x", "y"}),
                        vocabularyOf({"a", "b"}), data::LabelVocabulary(), 1);
  const double gain = std::tanh(3.0);
  for (auto& [name, p] : m.network().namedParameters()) {
    Tensor& t = p.mutableValue();
    if (name.rfind("decoder.", 0) != 0) continue;
    t.setZero();
    if (name == "decoder.embedding.weight")
      for (int i = 0; i < 6; ++i) t[i * 6 + i] = 1;
    if (name == "decoder.rnn.weight_ih_l0")
      for (int i = 0; i < 6; ++i) t[i * 6 + i] = 3;
    if (name == "decoder.out.weight") {
      for (const auto& [prev, row] : next) {
        const int64_t j = m.tgtVocab.id(prev);
        for (int v = 0; v < 6; ++v) t[v * 6 + j] = static_cast<Scalar>(-30 / gain);
        for (const auto& [token, prob] : row)
          t[m.tgtVocab.id(token) * 6 + j] = static_cast<Scalar>(std::log(prob) / gain);
      }
    }
  }
  return m;
}

}  // namespace attn::test
