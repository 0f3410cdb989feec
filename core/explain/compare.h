// Comparing what two models, or two checkpoints of one model, attend to on the same input. For
// the maps to be comparable cell by cell both must read the same tokens: model A decodes the
// sentence, then model B reads A's output with teacher forcing, so B's maps have A's rows and
// columns; B's own greedy output is decoded as well, to show where it would have gone. The
// difference B − A and its per-row total variation say where and how much they part.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "decode/decoder.h"
#include "tensor/precision.h"
#include "trace/trace.h"

namespace attn::inline ATTN_PRECISION {

// One matrix of a trace: a map kind, a layer (-1: the last) and a head (-1: the mean over
// heads). For the classifier's hops the matrix is r × n, one row
// per hop, and `head` picks one hop (-1: all of them).
struct MapSelection {
  MapKind kind = MapKind::Cross;
  int layer = -1;
  int head = -1;
};

// A matrix with the tokens of its rows and columns.
struct LabelledMatrix {
  int rows = 0, cols = 0;
  std::vector<float> values;  // row-major
  std::vector<std::string> rowTokens, colTokens;
};

// Throws attn::Error when the trace has no such map, layer or head.
LabelledMatrix selectMatrix(const Trace& trace, const MapSelection& selection);

struct MatrixDifference {
  int rows = 0, cols = 0;
  std::vector<float> values;              // b − a, row-major
  std::vector<double> rowTotalVariation;  // ½ Σ_k |b − a| per row: 0 same, 1 disjoint
  std::vector<double> rowMaxAbs;          // max_k |b − a| per row
  std::vector<int> argmaxA, argmaxB;      // each row's strongest column (first on a tie)
  double meanTotalVariation = 0;          // over the rows
  double maxAbs = 0;                      // over the cells...
  int maxRow = -1, maxCol = -1;           // ...and where (the first cell reaching it)
  int rowsArgmaxAgree = 0;                // rows whose strongest column is the same in both
};

// B − A. Throws attn::Error when the two do not have the same rows and columns, naming the first
// token that differs: a difference of maps over different tokens would mean nothing.
MatrixDifference matrixDifference(const LabelledMatrix& a, const LabelledMatrix& b);

struct ModelComparison {
  DecodeResult a;        // A decodes the sentence greedily (a classifier: classifies it)
  DecodeResult bForced;  // B reads A's output by teacher forcing: A's rows and columns
  DecodeResult bGreedy;  // B's own greedy output (a classifier: the same as bForced)
  bool classifier = false;
};

// Runs both models on `sentence`. Both must be seq2seq models, or both classifiers, and read the
// sentence as the same tokens (same tokenizer); otherwise attn::Error says which. When A stops at
// the step limit without <eos>, B's forced trace is cut to A's steps (forcing adds an <eos>).
ModelComparison compareModels(const Model& a, const Model& b, std::string_view sentence,
                              const DecodeOptions& options = {});

// The first `steps` output steps of a trace: maps whose rows are output steps keep that many
// rows (decoder self-attention that many keys too); log-probs and per-step records likewise.
Trace firstSteps(const Trace& trace, int steps);

}  // namespace attn::inline ATTN_PRECISION
