// From text to ids: the vocabularies of a dataset, and each example turned into the id sequences
// a model reads (docs/file-formats.md, Vocabularies and tokenizers): a seq2seq source is its tokens
// then <eos>; a classifier's source has no <eos>; a target is kept without <sos>/<eos>, which
// batching adds.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "data/dataset.h"
#include "data/vocabulary.h"

namespace attn::data {

struct Vocabularies {
  TaskKind kind = TaskKind::Seq2Seq;
  TokenizerKind tokenizer = TokenizerKind::Word;
  Vocabulary source;
  Vocabulary target;       // seq2seq only
  LabelVocabulary labels;  // classification only
};

// Built from the train split only, so validation and test measure what a model does with
// tokens it never saw (they become <unk>). Classes come from every split: a test label missing
// from train is still a class, with an id the model can be scored on.
Vocabularies buildVocabularies(const Dataset& data, const VocabularyOptions& source = {},
                               const VocabularyOptions& target = {});

// What to do with an example longer than a limit.
enum class TooLong {
  Error,     // attn::Error naming the split position and the lengths
  Truncate,  // keep the first tokens (a seq2seq source keeps its final <eos>)
  Skip,      // leave the example out
};

// Limits count what the model sees: a seq2seq source with its <eos>, a target with its <eos>
// (the decoder length T). 0 = no limit.
struct LengthLimits {
  int64_t maxSource = 0;
  int64_t maxTarget = 0;
  TooLong onTooLong = TooLong::Error;
};

struct EncodedExample {
  std::vector<int64_t> source;  // seq2seq: tokens + <eos>; classification: tokens
  std::vector<int64_t> target;  // seq2seq: y1 .. yn (no <sos>, no <eos>)
  int64_t label = -1;           // classification: the class id
  int64_t index = 0;            // position of the example in the split it came from
  bool truncated = false;
};

struct EncodedSplit {
  TaskKind kind = TaskKind::Seq2Seq;
  std::vector<EncodedExample> examples;
  int64_t truncated = 0;  // how many examples TooLong::Truncate shortened
  int64_t skipped = 0;    // how many TooLong::Skip left out
};

// Throws attn::Error (naming the example's position and `splitLabel`) for invalid UTF-8, an
// example with no source token, an unknown class, or a length over a limit under TooLong::Error.
EncodedSplit encodeExamples(const std::vector<Example>& examples, const Vocabularies& vocabs,
                            const LengthLimits& limits = {}, std::string_view splitLabel = "data");

// One sentence typed by a user, as the model's source ids (with <eos> for seq2seq).
std::vector<int64_t> encodeSource(std::string_view text, const Vocabularies& vocabs);

}  // namespace attn::data
