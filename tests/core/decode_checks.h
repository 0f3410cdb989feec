// Checks the decoding tests share: a decoded output re-run through the teacher-forced forward()
// gives the same log-probs and attention (and, for greedy, its argmax path is the output), every
// attention row is a distribution, top-k lists agree with the log-prob rows, and a trace
// survives its JSON file form.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "decode/decode_options.h"
#include "models/model.h"
#include "tensor/ops.h"
#include "trace/trace_json.h"

namespace attn::test {

inline void expectMatchesTeacherForcedPass(const Model& m, const DecodeResult& r,
                                           bool outputIsArgmax, double tol = 1e-5) {
  std::vector<int64_t> src;
  for (const std::string& tok : r.trace.sourceTokens) src.push_back(m.srcVocab.id(tok));
  const int64_t steps = static_cast<int64_t>(r.outputIds.size());
  std::vector<int64_t> tgtIn{data::Vocabulary::kSos};
  tgtIn.insert(tgtIn.end(), r.outputIds.begin(), r.outputIds.end() - 1);
  NoGradGuard noGrad;
  const Seq2SeqForward f =
      m.seq2seq->forward(TokenBatch::fromRows({src}), TokenBatch::fromRows({tgtIn}));
  const Tensor lp = logSoftmax(f.logits).value();
  const int64_t vocab = lp.dim(-1);
  ASSERT_EQ(r.trace.logProbs.size(), static_cast<size_t>(steps));
  for (int64_t t = 0; t < steps; ++t) {
    const Scalar* row = lp.data() + t * vocab;
    if (outputIsArgmax) {
      EXPECT_EQ(std::max_element(row, row + vocab) - row, r.outputIds[static_cast<size_t>(t)])
          << "step " << t;
    }
    for (int64_t v = 0; v < vocab; ++v)
      ASSERT_NEAR(r.trace.logProbs[static_cast<size_t>(t)][static_cast<size_t>(v)], row[v], tol)
          << "step " << t << " token " << v;
  }
  for (const auto& [name, layers] : f.attention) {
    ASSERT_TRUE(r.trace.attention.count(name)) << name;
    const AttentionMap& map = r.trace.attention.at(name);
    ASSERT_EQ(map.layers, static_cast<int>(layers.size())) << name;
    for (int l = 0; l < map.layers; ++l) {
      const Tensor& w = layers[static_cast<size_t>(l)];  // [1, heads, queries, keys]
      ASSERT_EQ(w.dim(1), map.heads);
      ASSERT_EQ(w.dim(2), map.queries) << name;
      ASSERT_EQ(w.dim(3), map.keys) << name;
      for (int h = 0; h < map.heads; ++h)
        for (int q = 0; q < map.queries; ++q)
          for (int k = 0; k < map.keys; ++k)
            ASSERT_NEAR(map.at(l, h, q, k), w[((h * w.dim(2)) + q) * w.dim(3) + k], tol)
                << name << " layer " << l << " head " << h << " row " << q << " key " << k;
    }
  }
}

inline void expectRowsAreDistributions(const Trace& t) {
  for (const auto& [name, map] : t.attention)
    for (int l = 0; l < map.layers; ++l)
      for (int h = 0; h < map.heads; ++h)
        for (int q = 0; q < map.queries; ++q) {
          double sum = 0;
          for (int k = 0; k < map.keys; ++k) {
            EXPECT_GE(map.at(l, h, q, k), 0.0f);
            sum += map.at(l, h, q, k);
            // Step q of decoder self-attention sees positions 0..q only; the rest is padding.
            if (name == MapKind::DecoderSelf && k > q) {
              EXPECT_EQ(map.at(l, h, q, k), 0.0f);
            }
          }
          EXPECT_NEAR(sum, 1.0, 1e-5) << name << " layer " << l << " head " << h << " row " << q;
        }
}

inline void expectTopKConsistent(const Trace& t, const std::vector<std::string>& names, size_t k) {
  ASSERT_EQ(t.steps.size(), t.logProbs.size());
  for (size_t s = 0; s < t.steps.size(); ++s) {
    const std::vector<TopToken>& top = t.steps[s].topK;
    const std::vector<float>& lp = t.logProbs[s];
    ASSERT_EQ(top.size(), std::min(k, lp.size())) << "step " << s;
    for (size_t i = 0; i < top.size(); ++i) {
      const size_t id =
          static_cast<size_t>(std::find(names.begin(), names.end(), top[i].token) - names.begin());
      ASSERT_LT(id, names.size()) << top[i].token;
      EXPECT_FLOAT_EQ(top[i].prob, std::exp(lp[id]));
      if (i > 0) {
        EXPECT_GE(top[i - 1].prob, top[i].prob) << "step " << s;
      }
    }
    if (top.empty()) continue;
    // Nothing left out is more probable than the last one listed.
    size_t listedAbove = 0;
    for (float v : lp)
      if (std::exp(v) > top.back().prob) ++listedAbove;
    EXPECT_LT(listedAbove, top.size()) << "step " << s;
  }
}

// Through the JSON text, as a file would carry it.
inline void expectJsonRoundTrip(const Trace& t) {
  const std::string text = traceToJson(t).dump();
  const Trace back = traceFromJson(nlohmann::json::parse(text), "round trip");
  EXPECT_EQ(back.model, t.model);
  EXPECT_EQ(back.sourceTokens, t.sourceTokens);
  EXPECT_EQ(back.targetTokens, t.targetTokens);
  EXPECT_EQ(back.logProbs, t.logProbs);
  ASSERT_EQ(back.attention.size(), t.attention.size());
  for (const auto& [name, map] : t.attention) {
    const AttentionMap& b = back.attention.at(name);
    EXPECT_EQ(std::vector<int>({b.layers, b.heads, b.queries, b.keys}),
              std::vector<int>({map.layers, map.heads, map.queries, map.keys}));
    EXPECT_EQ(b.values, map.values) << name;
  }
  ASSERT_EQ(back.steps.size(), t.steps.size());
  for (size_t s = 0; s < t.steps.size(); ++s) {
    ASSERT_EQ(back.steps[s].topK.size(), t.steps[s].topK.size());
    for (size_t i = 0; i < t.steps[s].topK.size(); ++i) {
      EXPECT_EQ(back.steps[s].topK[i].token, t.steps[s].topK[i].token);
      EXPECT_EQ(back.steps[s].topK[i].prob, t.steps[s].topK[i].prob);
    }
    EXPECT_EQ(back.steps[s].scores, t.steps[s].scores);
    EXPECT_EQ(back.steps[s].query, t.steps[s].query);
    EXPECT_EQ(back.steps[s].context, t.steps[s].context);
  }
  ASSERT_EQ(back.beam.size(), t.beam.size());
  EXPECT_EQ(back.beamWidth, t.beamWidth);
  for (size_t i = 0; i < t.beam.size(); ++i) {
    EXPECT_EQ(back.beam[i].id, t.beam[i].id);
    EXPECT_EQ(back.beam[i].parent, t.beam[i].parent);
    EXPECT_EQ(back.beam[i].token, t.beam[i].token);
    EXPECT_EQ(back.beam[i].score, t.beam[i].score);
    EXPECT_EQ(back.beam[i].chosen, t.beam[i].chosen);
    EXPECT_EQ(back.beam[i].finished, t.beam[i].finished);
  }
}

}  // namespace attn::test
