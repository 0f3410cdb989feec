#include "data/tasks/sentiment_rules.h"

#include <algorithm>

#include "data/tasks/sentiment_lexicon.h"
#include "data/tokenizer.h"
#include "util/check.h"

namespace attn::data::sentiment {

namespace {

using Words = std::vector<std::string>;

// Polarity of one clause: its first polar word, flipped by a negator before it.
int clausePolarity(Words::const_iterator begin, Words::const_iterator end) {
  bool negated = false;
  for (auto it = begin; it != end; ++it) {
    if (isNegator(*it)) negated = !negated;
    if (const int p = polarityOf(*it)) return negated ? -p : p;
  }
  return 0;
}

}  // namespace

int polarity(const Words& words) {
  auto begin = words.begin();
  const auto lastBut = std::find(words.rbegin(), words.rend(), "but");
  if (lastBut != words.rend()) {
    begin = lastBut.base();  // just after the last "but"
  } else if (auto although = std::find(words.begin(), words.end(), "although");
             although != words.end()) {
    const auto comma = std::find(although, words.end(), ",");
    if (comma != words.end()) begin = comma + 1;
  }
  int result = 0;
  for (auto clauseBegin = begin; clauseBegin <= words.end();) {
    auto clauseEnd = std::find_if(clauseBegin, words.end(),
                                  [](const std::string& w) { return w == "and" || w == ","; });
    if (const int p = clausePolarity(clauseBegin, clauseEnd)) {
      if (result != 0 && p != result) return 0;
      result = p;
    }
    if (clauseEnd == words.end()) break;
    clauseBegin = clauseEnd + 1;
  }
  return result;
}

std::string label(std::string_view sentence) {
  const int p = polarity(tokenize(sentence, TokenizerKind::Word));
  if (p == 0)
    throw Error("the sentiment rules find no clear polarity in \"" + std::string(sentence) + "\"");
  return p > 0 ? "positive" : "negative";
}

}  // namespace attn::data::sentiment
