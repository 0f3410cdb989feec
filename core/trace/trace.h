// What the app shows: the tokens of one input and output and every attention map computed on
// the way, plus, for teaching, the scores before softmax, context vectors, top-k next-token
// probabilities and the beam search tree. A plain value, copied freely between threads; the
// one thing that flows from core to ui. Its file form: docs/file-formats.md, Trace file
// (trace_json.h).
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "trace/map_kind.h"

namespace attn {

// [layer][head][query][key], row-major. Values are float whatever the engine's Scalar is:
// a trace is for looking at, and float keeps a 500 × 500 × heads trace small.
struct AttentionMap {
  int layers = 0, heads = 0, queries = 0, keys = 0;
  std::vector<float> values;

  AttentionMap() = default;
  AttentionMap(int layers, int heads, int queries, int keys);
  float& at(int l, int h, int q, int k) { return values[index(l, h, q, k)]; }
  float at(int l, int h, int q, int k) const { return values[index(l, h, q, k)]; }
  // One [queries, keys] matrix, row-major.
  std::vector<float> matrix(int layer, int head) const;
  // The mean over heads of one layer, [queries, keys] row-major.
  std::vector<float> meanOverHeads(int layer) const;
  size_t index(int l, int h, int q, int k) const {
    return ((static_cast<size_t>(l) * heads + h) * queries + q) * keys + k;
  }
};

struct TopToken {
  std::string token;
  float prob = 0;
};

// What the decoder did at one output step, beyond the attention maps.
struct TraceStep {
  std::vector<TopToken> topK;                    // most probable next tokens
  std::map<MapKind, std::vector<float>> scores;  // [layer][head][key], pre-softmax
  std::vector<float> context;                    // RNN models: c_i
  std::vector<float> query;                      // RNN models: the query vector
};

// One node of the beam search tree: a hypothesis extended by one token.
struct BeamNode {
  int id = 0;
  int parent = -1;  // -1 for the children of the root (<sos>)
  int step = 0;
  std::string token;
  float logProb = 0;      // of this token given its parent
  float score = 0;        // the hypothesis' cumulative log-probability
  bool finished = false;  // ended with <eos>
  bool chosen = false;    // on the path of the returned output
};

struct Trace {
  nlohmann::json model;  // the config, or null for an imported trace
  std::vector<std::string> sourceTokens;
  std::vector<std::string> targetTokens;
  std::map<MapKind, AttentionMap> attention;
  std::vector<std::vector<float>> logProbs;  // optional, [step][Vt]
  std::vector<TraceStep> steps;              // optional, one per output step
  std::vector<BeamNode> beam;                // empty for greedy or forced decoding
  int beamWidth = 0;
  // α of the ranking of finished hypotheses, score / length^α (DecodeOptions::lengthPenalty);
  // 1 in files written before it was recorded, the default they were searched with.
  double beamLengthPenalty = 1.0;

  // Checks the invariants of §5 (map sizes consistent, every row a distribution within 1e-5);
  // throws attn::Error naming the first problem.
  void validate() const;
};

}  // namespace attn
