// Scores of a model's outputs against references: exact match, token accuracy, corpus BLEU-4
// (Papineni et al. 2002: clipped n-gram precisions for n = 1..4, geometric mean, brevity
// penalty, no smoothing; on token ids, for tests and callers without text; the reported one is
// sacreBLEU's on text), classification accuracy and macro-F1. All are fractions in [0, 1].
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
// F1 of each class that occurs in `predicted` or `actual`, averaged (scikit-learn's
// f1_score(average="macro")); 0 for no example.
double macroF1(const std::vector<int64_t>& predicted, const std::vector<int64_t>& actual);

struct Metrics {
  std::optional<double> loss;
  std::optional<double> tokenAccuracy;  // teacher-forced next-token argmax over real targets
  std::optional<double> exactMatch;     // decoded output equal to the reference
  // Corpus BLEU and chrF of the decoded outputs as sacreBLEU computes them on detokenized text
  // (train/sacrebleu.h), divided by 100 as the other fractions.
  std::optional<double> bleu;
  std::optional<double> chrf;
  std::optional<double> accuracy;  // classifier
  std::optional<double> macroF1;   // classifier: F1 of each class (seen or predicted), averaged
  // The share of the data's tokens (sources, and targets of seq2seq) that the model's
  // vocabularies do not hold: they were read as <unk>.
  std::optional<double> unknownTokens;
  int64_t examples = 0;

  // The number early stopping and "best" compare: higher is better.
  double headline() const;
  nlohmann::json toJson() const;  // snake_case keys, only the metrics that are set
};

}  // namespace attn::inline ATTN_PRECISION
