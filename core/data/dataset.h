// What the data layer hands to training: examples as text, grouped in train / validation / test
// splits, with the two facts a model needs to know about them (seq2seq or classification, and
// which tokenizer cuts the text).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "data/tokenizer.h"

namespace attn::data {

enum class TaskKind {
  Seq2Seq,         // source text -> target text
  Classification,  // text -> class label
};

std::string_view taskKindName(TaskKind kind);   // "seq2seq" / "classification"
TaskKind parseTaskKind(std::string_view name);  // throws attn::Error listing the valid names

// One example, as text. For classification `source` is the text and `target` the label name.
struct Example {
  std::string source;
  std::string target;

  friend bool operator==(const Example&, const Example&) = default;
};

enum class Split { Train, Validation, Test };
std::string_view splitName(Split split);  // "train" / "validation" / "test"

struct Dataset {
  std::string name;  // the task ("dates") or the file it was read from
  TaskKind kind = TaskKind::Seq2Seq;
  TokenizerKind tokenizer = TokenizerKind::Word;
  std::vector<Example> train, validation, test;
  // What the reader of a file has to tell its user ("fra.txt:1: the first line looks like a
  // header ..."); the caller prints or shows them.
  std::vector<std::string> warnings;

  std::vector<Example>& split(Split s);
  const std::vector<Example>& split(Split s) const;
};

}  // namespace attn::data
