// Alignment error rate (Och & Ney 2003, "A Systematic Comparison of Various Statistical
// Alignment Models", §5): how far the word links an attention map implies are from a reference
// alignment made by people, with "sure" links (S) and "possible" ones (P, ambiguous cases such
// as idioms or function words), S ⊆ P:
//
//   AER(A; S, P) = 1 − (|A ∩ S| + |A ∩ P|) / (|A| + |S|)
//
// 0 when every hypothesis link is possible and every sure link is found; 1 when nothing agrees.
#pragma once

#include <compare>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "tensor/precision.h"

namespace attn::inline ATTN_PRECISION {

// Source token `source` linked to target token `target`: 0-based positions among the tokens of
// the sentence as typed, without <sos> or <eos>.
struct AlignmentLink {
  int source = 0;
  int target = 0;
  auto operator<=>(const AlignmentLink&) const = default;
};

using AlignmentLinks = std::set<AlignmentLink>;

// A reference alignment of one sentence pair. `possible` holds every sure link too (S ⊆ P).
struct ReferenceAlignment {
  AlignmentLinks sure;
  AlignmentLinks possible;
};

// Which number of a link "i-j" is the source position. The Pharaoh/Moses format that fast_align,
// GIZA++'s symmetrisations and Moses write puts the source first ("i-j": source i, target j);
// some published test sets put the target first.
enum class AlignmentOrder { SourceTarget, TargetSource };

// One line of the Pharaoh/Moses text format: links separated by spaces or tabs, "i-j" sure and
// "i?j" possible (as in the Och & Ney and the Europarl gold sets), positions 0-based. An empty
// line is a sentence with no links. Throws attn::Error naming the line (1-based, for messages),
// the link's place on the line and what is wrong with it.
ReferenceAlignment parseAlignmentLine(std::string_view line, int lineNumber = 1,
                                      AlignmentOrder order = AlignmentOrder::SourceTarget);
// Every line of a file's text, one sentence pair per line (a final newline ends the last line;
// it does not add an empty sentence). "\r\n" line ends are accepted.
std::vector<ReferenceAlignment> parseAlignments(
    std::string_view text, AlignmentOrder order = AlignmentOrder::SourceTarget);
// The same from a file (at most 64 MiB); attn::Error names the file.
std::vector<ReferenceAlignment> readAlignmentFile(
    const std::string& path, AlignmentOrder order = AlignmentOrder::SourceTarget);
// The line format back ("0-0 1?2"), sure links first, each set in (source, target) order.
std::string formatAlignment(const ReferenceAlignment& alignment);

// Throws attn::Error naming the first link that falls outside a sentence pair of
// `sourceLength` × `targetLength` tokens (a reference written for another sentence).
void checkAlignmentFits(const ReferenceAlignment& alignment, int sourceLength, int targetLength);

// The typed tokens of one side of a trace: all of them less a final "<eos>".
int typedTokenCount(const std::vector<std::string>& tokens);

struct HypothesisOptions {
  // 0: one link per target token, to the source token with the highest weight (the usual way
  // to read an alignment off attention). Above 0: every cell whose weight reaches it, so a row
  // may link to several source tokens or to none.
  double threshold = 0;
};

// The links an attention matrix implies. `weights` is rows × cols, row-major, rows the target
// tokens and columns the source tokens (the cross map). Only the first `targetLength` rows and
// `sourceLength` columns are tokens that were typed; a further row or column is <eos>.
// <eos> is never linked: its row is skipped, and a row whose highest weight is on the source's
// <eos> column stays unaligned (Och & Ney's NULL alignment: the model found nothing in the
// source for that token; the dates model's dashes do that) rather than being forced onto the
// best of the typed tokens. Ties go to the first column.
AlignmentLinks hypothesisFromAttention(const std::vector<float>& weights, int rows, int cols,
                                       int sourceLength, int targetLength,
                                       const HypothesisOptions& options = {});

struct AlignmentScore {
  int hypothesis = 0;    // |A|
  int sure = 0;          // |S|
  int possible = 0;      // |P|, sure links included
  int sureHits = 0;      // |A ∩ S|
  int possibleHits = 0;  // |A ∩ P|
  // NaN when undefined: AER when |A| + |S| = 0, precision when |A| = 0, recall when |S| = 0.
  double aer = 0;
  double precision = 0;  // |A ∩ P| / |A|
  double recall = 0;     // |A ∩ S| / |S|
};

AlignmentScore alignmentErrorRate(const AlignmentLinks& hypothesis,
                                  const ReferenceAlignment& reference);
// Over a corpus: the counts of every sentence added up, then the ratios (as Och & Ney score a
// test set, rather than a mean of per-sentence rates).
AlignmentScore sumScores(const std::vector<AlignmentScore>& sentences);

}  // namespace attn::inline ATTN_PRECISION
