// Corpus BLEU and chrF as sacreBLEU (Post 2018, "A Call for Clarity in Reporting BLEU Scores")
// computes them with its default settings, so a score printed here can be compared with the
// ones papers and tutorials report. Both work on detokenized text, as a person reads it: the
// model's own tokens never enter, so an <unk> in an output is just a string that (almost) never
// matches a reference.
//
// BLEU: the "13a" tokenisation of mteval-v13a.pl (WMT's), clipped n-gram counts for n = 1..4
// against the references (several references: the highest count of any one, and the reference
// length closest to the hypothesis'), the brevity penalty, and the "exp" smoothing of
// mteval-v13a.pl (Chen and Cherry 2014, method 3) for orders without a match.
// chrF (Popović 2015): character n-grams of orders 1..6, white space removed, F-beta of averaged
// precision and recall with beta = 2; the corpus score adds up the statistics of all sentences.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>
#include "tensor/precision.h"

namespace attn::inline ATTN_PRECISION {

// The sacreBLEU "13a" tokenizer: punctuation and symbols split off, "." and "," kept inside
// numbers, a few HTML entities decoded; tokens joined by single spaces.
std::string tokenize13a(std::string_view line);

struct BleuScore {
  double score = 0;                // 0..100, as sacreBLEU prints it
  std::vector<int64_t> matches;    // clipped n-gram matches, n = 1..maxOrder
  std::vector<int64_t> totals;     // hypothesis n-grams
  std::vector<double> precisions;  // 0..100, smoothed
  double brevityPenalty = 1;
  int64_t hypothesisLength = 0;  // tokens after 13a
  int64_t referenceLength = 0;   // the closest reference's tokens, summed
};

struct BleuOptions {
  int maxOrder = 4;
  bool tokenize = true;  // false: split on white space only (sacreBLEU's tokenize='none')
};

// `references[r][i]` is reference r of sentence i (sacreBLEU's list of reference streams); each
// stream holds as many sentences as `hypotheses`, else attn::Error.
BleuScore corpusBleu(const std::vector<std::string>& hypotheses,
                     const std::vector<std::vector<std::string>>& references,
                     const BleuOptions& options = {});

// The score from summed statistics (the last step of corpusBleu, exposed for tests and for
// callers that add up statistics themselves).
BleuScore bleuFromStatistics(std::vector<int64_t> matches, std::vector<int64_t> totals,
                             int64_t hypothesisLength, int64_t referenceLength);

struct ChrfOptions {
  int charOrder = 6;
  int beta = 2;
  bool keepWhitespace = false;  // sacreBLEU's whitespace=False: spaces are not characters
  bool epsSmoothing = false;    // false: average over the orders that have n-grams (its default)
};

// 0..100. Several reference streams: for each sentence, the reference giving the best
// sentence-level F is the one whose statistics are added up.
double corpusChrf(const std::vector<std::string>& hypotheses,
                  const std::vector<std::vector<std::string>>& references,
                  const ChrfOptions& options = {});

}  // namespace attn::inline ATTN_PRECISION
