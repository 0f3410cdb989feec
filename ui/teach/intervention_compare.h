// What an intervention changed, step by step: the token each run chose, the log-probability the
// model gave it, and the attention before, after and after − before. Qt-free, so the panel's
// numbers are checked without widgets.
#pragma once

#include <string>
#include <vector>

#include "decode/decode_options.h"
#include "trace/map_kind.h"

namespace attn::ui {

struct StepChange {
  std::string before, after;  // the chosen tokens; empty when that run has no such step
  bool hasBefore = false, hasAfter = false;
  double logProbBefore = 0, logProbAfter = 0;  // log p of the chosen token, where there is one
  bool tokenChanged = false;                   // different tokens, or a step only one run has
};

struct InterventionComparison {
  std::vector<StepChange> steps;               // as many as the longer run has
  int firstChange = -1;                        // the first step whose token changed; −1: none did
  double logProbBefore = 0, logProbAfter = 0;  // Σ over each run's own tokens
  bool outputChanged() const { return firstChange >= 0; }
};

InterventionComparison compareRuns(const DecodeResult& before, const DecodeResult& after);

// One map's [rows, keys] matrix at `layer` and `head` (head < 0: the mean over heads) after −
// before, over the rows both runs have (rows = the fewer of the two). Empty, rows = 0, when a
// run lacks the map or the shapes differ.
std::vector<float> attentionDifference(const Trace& before, const Trace& after, MapKind map,
                                       int layer, int head, int* rows);

}  // namespace attn::ui
