#include "explain/alignment_error.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "util/atomic_file.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION {
namespace {

// Far beyond any sentence a model here reads (512 tokens): a larger number is a typo or another
// format, better named than turned into a link nobody can draw.
constexpr int kMaxPosition = 100000;
constexpr size_t kMaxFileBytes = size_t(64) << 20;

bool isSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

std::string where(int lineNumber, int linkNumber, std::string_view token) {
  return "line " + std::to_string(lineNumber) + ", link " + std::to_string(linkNumber) + " '" +
         std::string(token) + "'";
}

// A position: a whole number from 0, digits only (no sign, no spaces).
int parsePosition(std::string_view digits, const char* which, const std::string& at) {
  if (digits.empty()) throw Error(at + ": the " + which + " position is missing");
  long value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9')
      throw Error(at + ": the " + which + " position '" + std::string(digits) +
                  "' is not a whole number from 0");
    value = value * 10 + (c - '0');
    if (value > kMaxPosition)
      throw Error(at + ": the " + which + " position " + std::string(digits) + " is too large (" +
                  std::to_string(kMaxPosition) + " at most)");
  }
  return int(value);
}

AlignmentLink parseLink(std::string_view token, AlignmentOrder order, const std::string& at,
                        bool* sure) {
  const size_t sep = token.find_first_of("-?");
  if (sep == std::string_view::npos)
    throw Error(at + ": expected i-j (a sure link) or i?j (a possible one)");
  if (token.find_first_of("-?", sep + 1) != std::string_view::npos)
    throw Error(at + ": one link per word, i-j or i?j; separate links with spaces");
  *sure = token[sep] == '-';
  const bool sourceFirst = order == AlignmentOrder::SourceTarget;
  const char* firstName = sourceFirst ? "source" : "target";
  const char* secondName = sourceFirst ? "target" : "source";
  const int first = parsePosition(token.substr(0, sep), firstName, at);
  const int second = parsePosition(token.substr(sep + 1), secondName, at);
  return sourceFirst ? AlignmentLink{first, second} : AlignmentLink{second, first};
}

double ratio(int num, int den) {
  return den > 0 ? double(num) / double(den) : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

ReferenceAlignment parseAlignmentLine(std::string_view line, int lineNumber, AlignmentOrder order) {
  ReferenceAlignment out;
  int linkNumber = 0;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && isSpace(line[i])) ++i;
    if (i == line.size()) break;
    size_t end = i;
    while (end < line.size() && !isSpace(line[end])) ++end;
    const std::string_view token = line.substr(i, end - i);
    i = end;
    bool sure = false;
    const AlignmentLink link =
        parseLink(token, order, where(lineNumber, ++linkNumber, token), &sure);
    if (sure) out.sure.insert(link);
    out.possible.insert(link);  // S ⊆ P: a sure link is possible too
  }
  return out;
}

std::vector<ReferenceAlignment> parseAlignments(std::string_view text, AlignmentOrder order) {
  std::vector<ReferenceAlignment> out;
  int lineNumber = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    out.push_back(parseAlignmentLine(text.substr(start, end - start), ++lineNumber, order));
    start = end + 1;
  }
  return out;
}

std::vector<ReferenceAlignment> readAlignmentFile(const std::string& path, AlignmentOrder order) {
  const std::string text = readWholeFile(path, kMaxFileBytes);
  try {
    return parseAlignments(text, order);
  } catch (const Error& e) {
    throw Error(path + ": " + e.what());
  }
}

std::string formatAlignment(const ReferenceAlignment& alignment) {
  std::string out;
  auto add = [&out](const AlignmentLink& l, char sep) {
    if (!out.empty()) out += ' ';
    out += std::to_string(l.source) + sep + std::to_string(l.target);
  };
  for (const AlignmentLink& l : alignment.sure) add(l, '-');
  for (const AlignmentLink& l : alignment.possible)
    if (!alignment.sure.count(l)) add(l, '?');
  return out;
}

void checkAlignmentFits(const ReferenceAlignment& alignment, int sourceLength, int targetLength) {
  for (const AlignmentLink& l : alignment.possible) {
    const std::string link = std::to_string(l.source) + "-" + std::to_string(l.target);
    if (l.source >= sourceLength)
      throw Error("the reference link " + link + " names source token " + std::to_string(l.source) +
                  ", but the source has " + std::to_string(sourceLength) + " tokens (0 to " +
                  std::to_string(sourceLength - 1) + "): is it for another sentence?");
    if (l.target >= targetLength)
      throw Error("the reference link " + link + " names target token " + std::to_string(l.target) +
                  ", but the output has " + std::to_string(targetLength) + " tokens (0 to " +
                  std::to_string(targetLength - 1) + "): is it for another sentence?");
  }
}

int typedTokenCount(const std::vector<std::string>& tokens) {
  return int(tokens.size()) - (!tokens.empty() && tokens.back() == "<eos>" ? 1 : 0);
}

AlignmentLinks hypothesisFromAttention(const std::vector<float>& weights, int rows, int cols,
                                       int sourceLength, int targetLength,
                                       const HypothesisOptions& options) {
  ATTN_CHECK(rows >= 0 && cols >= 0 && weights.size() == size_t(rows) * size_t(cols),
             "the attention matrix does not have rows × cols values");
  ATTN_CHECK(sourceLength >= 0 && sourceLength <= cols && targetLength >= 0 && targetLength <= rows,
             "the typed tokens are more than the matrix has");
  if (!(options.threshold >= 0) || options.threshold > 1)
    throw Error("the alignment threshold must be between 0 and 1");
  AlignmentLinks links;
  for (int r = 0; r < targetLength; ++r) {
    const float* row = weights.data() + size_t(r) * size_t(cols);
    if (options.threshold > 0) {
      for (int c = 0; c < sourceLength; ++c)
        if (row[c] >= options.threshold) links.insert({c, r});
      continue;
    }
    int best = -1;
    for (int c = 0; c < cols; ++c)  // NaN never wins: a diverged row stays unaligned
      if (!std::isnan(row[c]) && (best < 0 || row[c] > row[best])) best = c;
    if (best >= 0 && best < sourceLength) links.insert({best, r});
  }
  return links;
}

AlignmentScore alignmentErrorRate(const AlignmentLinks& hypothesis,
                                  const ReferenceAlignment& reference) {
  AlignmentScore s;
  s.hypothesis = int(hypothesis.size());
  s.sure = int(reference.sure.size());
  // A hand-built reference may lack the sure links in P; S ⊆ P holds by definition.
  AlignmentLinks possible = reference.possible;
  possible.insert(reference.sure.begin(), reference.sure.end());
  s.possible = int(possible.size());
  for (const AlignmentLink& l : hypothesis) {
    s.sureHits += int(reference.sure.count(l));
    s.possibleHits += int(possible.count(l));
  }
  s.aer = 1.0 - ratio(s.sureHits + s.possibleHits, s.hypothesis + s.sure);
  s.precision = ratio(s.possibleHits, s.hypothesis);
  s.recall = ratio(s.sureHits, s.sure);
  return s;
}

AlignmentScore sumScores(const std::vector<AlignmentScore>& sentences) {
  AlignmentScore s;
  for (const AlignmentScore& x : sentences) {
    s.hypothesis += x.hypothesis;
    s.sure += x.sure;
    s.possible += x.possible;
    s.sureHits += x.sureHits;
    s.possibleHits += x.possibleHits;
  }
  s.aer = 1.0 - ratio(s.sureHits + s.possibleHits, s.hypothesis + s.sure);
  s.precision = ratio(s.possibleHits, s.hypothesis);
  s.recall = ratio(s.sureHits, s.sure);
  return s;
}

}  // namespace attn::inline ATTN_PRECISION
