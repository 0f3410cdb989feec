#include "train/metrics.h"

#include <cmath>
#include <map>

#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

double exactMatch(const std::vector<TokenIds>& hyp, const std::vector<TokenIds>& ref) {
  ATTN_CHECK(hyp.size() == ref.size(), "exactMatch: as many hypotheses as references");
  if (hyp.empty()) return 0;
  int64_t same = 0;
  for (size_t i = 0; i < hyp.size(); ++i) same += hyp[i] == ref[i];
  return static_cast<double>(same) / static_cast<double>(hyp.size());
}

double corpusBleu(const std::vector<TokenIds>& hyp, const std::vector<TokenIds>& ref,
                  int maxOrder) {
  ATTN_CHECK(hyp.size() == ref.size(), "corpusBleu: as many hypotheses as references");
  std::vector<int64_t> matches(static_cast<size_t>(maxOrder), 0),
      totals(static_cast<size_t>(maxOrder), 0);
  int64_t hypLength = 0, refLength = 0;
  for (size_t i = 0; i < hyp.size(); ++i) {
    hypLength += static_cast<int64_t>(hyp[i].size());
    refLength += static_cast<int64_t>(ref[i].size());
    for (int n = 1; n <= maxOrder; ++n) {
      std::map<TokenIds, int64_t> refCounts;
      for (size_t j = 0; j + static_cast<size_t>(n) <= ref[i].size(); ++j)
        ++refCounts[TokenIds(ref[i].begin() + static_cast<std::ptrdiff_t>(j),
                             ref[i].begin() + static_cast<std::ptrdiff_t>(j) + n)];
      for (size_t j = 0; j + static_cast<size_t>(n) <= hyp[i].size(); ++j) {
        TokenIds gram(hyp[i].begin() + static_cast<std::ptrdiff_t>(j),
                      hyp[i].begin() + static_cast<std::ptrdiff_t>(j) + n);
        auto it = refCounts.find(gram);
        if (it != refCounts.end() && it->second > 0) {  // clipped: each reference n-gram once
          --it->second;
          ++matches[static_cast<size_t>(n - 1)];
        }
        ++totals[static_cast<size_t>(n - 1)];
      }
    }
  }
  double logSum = 0;
  for (int n = 0; n < maxOrder; ++n) {
    if (matches[static_cast<size_t>(n)] == 0) return 0;
    logSum += std::log(static_cast<double>(matches[static_cast<size_t>(n)]) /
                       static_cast<double>(totals[static_cast<size_t>(n)]));
  }
  const double brevity =
      hypLength >= refLength || hypLength == 0
          ? 1.0
          : std::exp(1.0 - static_cast<double>(refLength) / static_cast<double>(hypLength));
  return hypLength == 0 ? 0 : brevity * std::exp(logSum / maxOrder);
}

double Metrics::headline() const {
  if (exactMatch) return *exactMatch;
  if (accuracy) return *accuracy;
  if (tokenAccuracy) return *tokenAccuracy;
  return loss ? -*loss : 0;
}

nlohmann::json Metrics::toJson() const {
  nlohmann::json j = nlohmann::json::object();
  if (loss) j["loss"] = *loss;
  if (exactMatch) j["exact_match"] = *exactMatch;
  if (tokenAccuracy) j["token_accuracy"] = *tokenAccuracy;
  if (bleu) j["bleu"] = *bleu;
  if (accuracy) j["accuracy"] = *accuracy;
  j["examples"] = examples;
  return j;
}

}  // namespace attn::inline ATTN_PRECISION
