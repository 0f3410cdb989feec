// Scores of a model's outputs against references: exact match, token accuracy, corpus BLEU-4
// (Papineni et al. 2002: clipped n-gram precisions for n = 1..4, geometric mean, brevity
// penalty, no smoothing), and classification accuracy. All are fractions in [0, 1].
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tensor/precision.h"

namespace attn::inline ATTN_PRECISION {

using TokenIds = std::vector<int64_t>;

double exactMatch(const std::vector<TokenIds>& hypotheses, const std::vector<TokenIds>& references);
double corpusBleu(const std::vector<TokenIds>& hypotheses, const std::vector<TokenIds>& references,
                  int maxOrder = 4);

struct Metrics {
  std::optional<double> loss;
  std::optional<double> tokenAccuracy;  // teacher-forced next-token argmax over real targets
  std::optional<double> exactMatch;     // decoded output equal to the reference
  std::optional<double> bleu;           // corpus BLEU-4 of the decoded outputs
  std::optional<double> accuracy;       // classifier
  int64_t examples = 0;

  // The number early stopping and "best" compare: higher is better.
  double headline() const;
  nlohmann::json toJson() const;  // snake_case keys, only the metrics that are set
};

}  // namespace attn::inline ATTN_PRECISION
