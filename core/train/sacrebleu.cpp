#include "train/sacrebleu.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <unordered_map>

#include "data/tokenizer.h"
#include "data/utf8.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

namespace {

void replaceAll(std::string& s, std::string_view from, std::string_view to) {
  for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
    s.replace(pos, from.size(), to);
}

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

// mteval-v13a's symbol class: { | } ~ [ \ ] ^ _ ` space ! " # $ % & ( ) * + : ; < = > ? @ /
// (ASCII punctuation except ' , - .).
bool isSplitSymbol(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= 0x7B && u <= 0x7E) || (u >= 0x5B && u <= 0x60) || (u >= 0x20 && u <= 0x26) ||
         (u >= 0x28 && u <= 0x2B) || (u >= 0x3A && u <= 0x40) || u == 0x2F;
}

// One left-to-right pass of a two-character rule, matches not overlapping (as a regular
// expression substitution replaces them). The rules only ever look at ASCII bytes on one side
// and "any character but a digit" on the other, so working on UTF-8 bytes gives the same spaces
// as working on code points: a space is never put inside a multi-byte character.
template <class Match, class Emit>
std::string pairPass(const std::string& s, Match match, Emit emit) {
  std::string out;
  out.reserve(s.size() + s.size() / 4);
  for (size_t i = 0; i < s.size();) {
    if (i + 1 < s.size() && match(s[i], s[i + 1])) {
      emit(out, s[i], s[i + 1]);
      i += 2;
    } else {
      out += s[i++];
    }
  }
  return out;
}

std::string joinWords(std::string_view text) {
  std::string out;
  for (const std::string& w : data::tokenize(text, data::TokenizerKind::Word)) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

double logOrFloor(double x) {
  return x > 0 ? std::log(x) : -9999999999.0;
}

using NgramCounts = std::unordered_map<std::string, int64_t>;

// All n-grams of orders 1..maxOrder of the tokens, keyed by their text joined by spaces (tokens
// hold no space, so the keys of different n-grams never collide).
NgramCounts wordNgrams(const std::vector<std::string>& tokens, int maxOrder) {
  NgramCounts counts;
  for (int n = 1; n <= maxOrder; ++n)
    for (size_t i = 0; i + static_cast<size_t>(n) <= tokens.size(); ++i) {
      std::string key = tokens[i];
      for (size_t k = 1; k < static_cast<size_t>(n); ++k) key += ' ' + tokens[i + k];
      ++counts[key];
    }
  return counts;
}

int orderOf(const std::string& key) {
  return 1 + static_cast<int>(std::count(key.begin(), key.end(), ' '));
}

void checkStreams(size_t hypotheses, const std::vector<std::vector<std::string>>& references,
                  const char* what) {
  if (references.empty()) throw Error(std::string(what) + ": no reference");
  for (const auto& stream : references)
    if (stream.size() != hypotheses)
      throw Error(std::string(what) + ": " + std::to_string(hypotheses) + " outputs but " +
                  std::to_string(stream.size()) + " references");
}

}  // namespace

std::string tokenize13a(std::string_view line) {
  std::string s(line);
  replaceAll(s, "<skipped>", "");
  replaceAll(s, "-\n", "");
  replaceAll(s, "\n", " ");
  if (s.find('&') != std::string::npos) {
    replaceAll(s, "&quot;", "\"");
    replaceAll(s, "&amp;", "&");
    replaceAll(s, "&lt;", "<");
    replaceAll(s, "&gt;", ">");
  }
  s = " " + s + " ";
  std::string spaced;
  for (char c : s) {
    if (isSplitSymbol(c)) {
      spaced += ' ';
      spaced += c;
      spaced += ' ';
    } else {
      spaced += c;
    }
  }
  const auto periodOrComma = [](char c) { return c == '.' || c == ','; };
  // "." and "," split off unless preceded by a digit, then unless followed by one; "-" after a
  // digit.
  spaced = pairPass(
      spaced, [&](char a, char b) { return !isDigit(a) && periodOrComma(b); },
      [](std::string& o, char a, char b) { (o += a) += ' ', (o += b) += ' '; });
  spaced = pairPass(
      spaced, [&](char a, char b) { return periodOrComma(a) && !isDigit(b); },
      [](std::string& o, char a, char b) { ((o += ' ') += a) += ' ', o += b; });
  spaced = pairPass(
      spaced, [](char a, char b) { return isDigit(a) && b == '-'; },
      [](std::string& o, char a, char b) { ((o += a) += ' ') += b, o += ' '; });
  return joinWords(spaced);
}

BleuScore bleuFromStatistics(std::vector<int64_t> matches, std::vector<int64_t> totals,
                             int64_t hypothesisLength, int64_t referenceLength) {
  ATTN_CHECK(matches.size() == totals.size() && !matches.empty(), "bleu: statistics by order");
  BleuScore b;
  const size_t order = matches.size();
  b.hypothesisLength = hypothesisLength;
  b.referenceLength = referenceLength;
  b.precisions.assign(order, 0.0);
  if (hypothesisLength < referenceLength)
    b.brevityPenalty = hypothesisLength > 0
                           ? std::exp(1.0 - static_cast<double>(referenceLength) /
                                                static_cast<double>(hypothesisLength))
                           : 0.0;
  b.matches = matches;
  b.totals = totals;
  if (std::all_of(matches.begin(), matches.end(), [](int64_t m) { return m == 0; })) return b;
  // "exp" smoothing: the k-th order without a match gets precision 1 / (2^k * total).
  double smooth = 1;
  for (size_t n = 0; n < order; ++n) {
    if (totals[n] == 0) break;  // no n-gram that long: the remaining precisions stay 0
    if (matches[n] == 0) {
      smooth *= 2;
      b.precisions[n] = 100.0 / (smooth * static_cast<double>(totals[n]));
    } else {
      b.precisions[n] = 100.0 * static_cast<double>(matches[n]) / static_cast<double>(totals[n]);
    }
  }
  double logSum = 0;
  for (double p : b.precisions) logSum += logOrFloor(p);
  b.score = b.brevityPenalty * std::exp(logSum / static_cast<double>(order));
  return b;
}

BleuScore corpusBleu(const std::vector<std::string>& hypotheses,
                     const std::vector<std::vector<std::string>>& references,
                     const BleuOptions& options) {
  checkStreams(hypotheses.size(), references, "BLEU");
  if (options.maxOrder < 1) throw Error("BLEU: the n-gram order must be at least 1");
  const auto order = static_cast<size_t>(options.maxOrder);
  const auto words = [&](const std::string& text) {
    return data::tokenize(options.tokenize ? tokenize13a(text) : text, data::TokenizerKind::Word);
  };
  std::vector<int64_t> matches(order, 0), totals(order, 0);
  int64_t hypLength = 0, refLength = 0;
  for (size_t i = 0; i < hypotheses.size(); ++i) {
    const std::vector<std::string> hyp = words(hypotheses[i]);
    const auto hypLen = static_cast<int64_t>(hyp.size());
    NgramCounts refCounts;  // the most times any one reference has each n-gram
    int64_t closest = -1;
    for (const auto& stream : references) {
      const std::vector<std::string> ref = words(stream[i]);
      const auto len = static_cast<int64_t>(ref.size());
      // The reference length closest to the hypothesis'; on a tie, the shorter.
      if (closest < 0 || std::llabs(hypLen - len) < std::llabs(hypLen - closest) ||
          (std::llabs(hypLen - len) == std::llabs(hypLen - closest) && len < closest))
        closest = len;
      for (const auto& [gram, count] : wordNgrams(ref, options.maxOrder))
        refCounts[gram] = std::max(refCounts[gram], count);
    }
    hypLength += hypLen;
    refLength += closest;
    for (const auto& [gram, count] : wordNgrams(hyp, options.maxOrder)) {
      const auto n = static_cast<size_t>(orderOf(gram) - 1);
      totals[n] += count;
      const auto it = refCounts.find(gram);
      if (it != refCounts.end()) matches[n] += std::min(count, it->second);
    }
  }
  return bleuFromStatistics(std::move(matches), std::move(totals), hypLength, refLength);
}

namespace {

// Per order: hypothesis n-grams, reference n-grams, matches.
struct ChrfStats {
  std::vector<int64_t> hyp, ref, match;
  explicit ChrfStats(size_t order) : hyp(order, 0), ref(order, 0), match(order, 0) {}
  void add(const ChrfStats& o) {
    for (size_t n = 0; n < hyp.size(); ++n)
      hyp[n] += o.hyp[n], ref[n] += o.ref[n], match[n] += o.match[n];
  }
};

using CharNgrams = std::vector<std::unordered_map<std::u32string, int64_t>>;

CharNgrams charNgrams(std::string_view text, const ChrfOptions& o) {
  std::u32string chars;
  for (char32_t c : data::decodeUtf8(text, "chrF"))
    if (o.keepWhitespace || !data::isWhiteSpace(c)) chars += c;
  CharNgrams grams(static_cast<size_t>(o.charOrder));
  for (size_t n = 1; n <= grams.size(); ++n)
    for (size_t i = 0; i + n <= chars.size(); ++i) ++grams[n - 1][chars.substr(i, n)];
  return grams;
}

double chrfScore(const ChrfStats& s, const ChrfOptions& o) {
  const double eps = 1e-16, factor = static_cast<double>(o.beta) * o.beta;
  double sum = 0, avgPrecision = 0, avgRecall = 0;
  int effectiveOrder = 0;
  for (size_t n = 0; n < s.hyp.size(); ++n) {
    const double precision =
        s.hyp[n] > 0 ? static_cast<double>(s.match[n]) / static_cast<double>(s.hyp[n]) : eps;
    const double recall =
        s.ref[n] > 0 ? static_cast<double>(s.match[n]) / static_cast<double>(s.ref[n]) : eps;
    const double denominator = factor * precision + recall;
    sum += denominator > 0 ? (1 + factor) * precision * recall / denominator : eps;
    if (s.hyp[n] > 0 && s.ref[n] > 0) {
      avgPrecision += precision;
      avgRecall += recall;
      ++effectiveOrder;
    }
  }
  if (o.epsSmoothing) return 100 * sum / static_cast<double>(s.hyp.size());
  if (effectiveOrder == 0) return 0;
  avgPrecision /= effectiveOrder;
  avgRecall /= effectiveOrder;
  if (avgPrecision + avgRecall == 0) return 0;
  return 100 * (1 + factor) * avgPrecision * avgRecall / (factor * avgPrecision + avgRecall);
}

}  // namespace

double corpusChrf(const std::vector<std::string>& hypotheses,
                  const std::vector<std::vector<std::string>>& references,
                  const ChrfOptions& options) {
  checkStreams(hypotheses.size(), references, "chrF");
  if (options.charOrder < 1 || options.beta < 1)
    throw Error("chrF: the character order and beta must be at least 1");
  const auto order = static_cast<size_t>(options.charOrder);
  ChrfStats total(order);
  for (size_t i = 0; i < hypotheses.size(); ++i) {
    const CharNgrams hyp = charNgrams(hypotheses[i], options);
    ChrfStats best(order);
    double bestF = -1;
    for (const auto& stream : references) {
      const CharNgrams ref = charNgrams(stream[i], options);
      ChrfStats s(order);
      for (size_t n = 0; n < order; ++n) {
        for (const auto& [gram, count] : ref[n]) s.ref[n] += count;
        for (const auto& [gram, count] : hyp[n]) {
          s.hyp[n] += count;
          const auto it = ref[n].find(gram);
          if (it != ref[n].end()) s.match[n] += std::min(count, it->second);
        }
        if (ref[n].empty()) s.hyp[n] = 0;  // as sacreBLEU: no reference n-gram, no hypothesis count
      }
      const double f = chrfScore(s, options);
      if (f > bestF) bestF = f, best = s;
    }
    total.add(best);
  }
  return chrfScore(total, options);
}

}  // namespace attn::inline ATTN_PRECISION
