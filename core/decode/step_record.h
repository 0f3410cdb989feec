// What one decoding step computed for one hypothesis, copied out of the model's batched step
// output: its log-prob row, the row of every attention map (and its scores before softmax),
// and the RNN query and context. Beam search reorders the batch at every step, so a
// hypothesis' history cannot stay in the batch; each record points to the one before it on its
// path instead, and records of abandoned hypotheses are freed as soon as nothing leads to them.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "models/seq2seq_model.h"
#include "tensor/precision.h"

namespace attn::inline ATTN_PRECISION {

// One step's row of one named map: [layer][head][key], row-major.
struct MapRow {
  int layers = 0, heads = 0, keys = 0;
  std::vector<float> values;
};

// In the model's order of names (AttentionMaps is a std::map, so the same at every step).
using MapRows = std::vector<std::pair<MapKind, MapRow>>;

struct StepRecord {
  StepRecord() = default;
  StepRecord(StepRecord&&) = default;
  StepRecord& operator=(StepRecord&&) = default;
  // Unlinks the chain of previous records in a loop: a path thousands of steps long must not
  // free itself by recursion (a GUI worker thread's stack is small).
  ~StepRecord();

  std::vector<float> logProbs;  // [Vt]
  MapRows attention;            // weights, each row a distribution over its keys
  MapRows scores;               // before the softmax, where the model reports them
  std::vector<float> query;     // RNN attention models
  std::vector<float> context;
  // The step before on the same path (beam search). Mutable only so the destructor can unlink.
  mutable std::shared_ptr<const StepRecord> previous;
};

// Row `row` of a step's output (maps per layer [N, heads, keys]).
StepRecord recordStep(const DecoderStepOutput& out, int64_t row);

// Row `row` of one step's maps, each per layer [N, heads, keys] (or [N, keys]: one head).
MapRows mapRows(const AttentionMaps& maps, int64_t row);

// Row `row` of a [N, C] tensor, as floats.
std::vector<float> tensorRow(const Tensor& t, int64_t row);

// The records of a path, first step first, from its last record.
std::vector<const StepRecord*> pathTo(const StepRecord* last);

}  // namespace attn::inline ATTN_PRECISION
