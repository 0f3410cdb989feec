// Small computations on a trace that the views share: one matrix of a map, the penalty of the
// classifier's hops, what a step attended to. Qt-free, and tested against hand-worked numbers.
#pragma once

#include <string>
#include <vector>

#include "trace/trace.h"

namespace attn::ui {

// The [queries, keys] matrix of (layer, head); head < 0 is the mean over heads.
std::vector<float> mapMatrix(const AttentionMap& map, int layer, int head);

// The classifier's hops ([1 layer][r heads][1 query][n keys]) as an r × n matrix, row-major.
std::vector<float> hopsMatrix(const AttentionMap& hops);

// Lin et al.'s penalty ‖AAᵀ − I‖²_F for A = the r × n hops matrix: 0 when the hops are one-hot
// on different tokens, r² − r when all of them are one-hot on the same token.
double hopsPenalty(const std::vector<float>& a, int r, int n);

// The decoder's inputs, which its self-attention looks back at: <sos> y1 … y(T−1).
std::vector<std::string> decoderInputTokens(const Trace& trace);

// Whether the rows of a map of this kind are the output steps (cross and decoder self-attention).
bool rowsAreSteps(MapKind kind);

// Index of the largest value (ties: the first); -1 for an empty vector.
int argmaxIndex(const std::vector<float>& values);

}  // namespace attn::ui
