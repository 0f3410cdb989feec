// Attention over subword pieces shown as attention over words. A model with a subword tokenizer
// attends from pieces to pieces ("▁trans" "lation"); a person reads words. The rule is the usual
// one for turning token-level attention into word-level attention (Clark et al. 2019, "What Does
// BERT Look At?", §4: attention *to* a split word is the sum over its pieces, attention *from* a
// split word the mean over its pieces), which keeps every row a distribution: a target word's row
// still sums to 1. Word-alignment work on subword models reads alignments at the word level the
// same way, a word linked through any of its pieces (Zenkel et al. 2019).
#pragma once

#include <string>
#include <vector>

#include "data/text_tokenizer.h"
#include "tensor/precision.h"
#include "trace/trace.h"

namespace attn::inline ATTN_PRECISION::explain {

// Which word each token belongs to, and the words' text.
struct WordGrouping {
  std::vector<int> wordOfToken;    // one per token, 0-based, non-decreasing
  std::vector<std::string> words;  // the pieces of each word joined, the "▁" mark removed

  int wordCount() const { return static_cast<int>(words.size()); }
};

// Groups a model's tokens into words by its tokenizer (Tokenizer::startsWord): SentencePiece
// pieces without the "▁" mark join the word before them; the special tokens (<eos>, <unk>, ...)
// are always words of their own. For word and words tokenizers every token is a word.
WordGrouping groupWords(const std::vector<std::string>& tokens, const data::Tokenizer& tokenizer);

// Every [query, key] matrix of the map, queries averaged within a word and keys summed within a
// word: [layers][heads][queryWords][keyWords]. Throws attn::Error when a grouping does not have
// one entry per query or per key.
AttentionMap mergeSubwords(const AttentionMap& map, const WordGrouping& queries,
                           const WordGrouping& keys);

}  // namespace attn::inline ATTN_PRECISION::explain
