// A corpus as read from the user's files, before it is split: the examples, and the warnings the
// reader has for the user (the caller prints or shows them; core never writes to the terminal).
// Besides TSV (tsv.h), corpora come as two parallel text files, one sentence per line, as MT
// corpora ship them (`X.en`, `X.fr`). Filters that real tutorials apply (a length bound in
// tokens, duplicates) run on the examples read.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "data/dataset.h"
#include "data/split.h"

namespace attn::data {

struct Corpus {
  std::string name;    // the file's stem ("fra" for fra.txt), for the dataset's name
  std::string origin;  // the file(s) as the user named them, for messages
  std::vector<Example> examples;
  std::vector<std::string> warnings;  // "FILE:LINE: ..." lines, for the user
};

struct ParallelOptions {
  int64_t maxLineBytes = 64 * 1024;
  int64_t maxFileBytes = 512LL * 1024 * 1024;
  bool skipHeader = false;  // the first line of each file names its language or column
};

// Line i of `sourcePath` and line i of `targetPath` make example i. Different line counts are one
// attn::Error naming both files and both counts. Invalid UTF-8 is an error naming the file and
// the line; a BOM and \r\n are accepted. A pair with an empty (or blank) side is left out, with
// one warning counting them and naming the first; fields are trimmed.
Corpus readParallelCorpus(const std::filesystem::path& sourcePath,
                          const std::filesystem::path& targetPath,
                          const ParallelOptions& options = {});
Corpus parseParallelCorpus(std::string_view source, std::string_view sourceName,
                           std::string_view target, std::string_view targetName,
                           const ParallelOptions& options = {});

// How many tokens a text has, as the model's tokenizer cuts it (see Tokenizer::counter()).
using TokenCounter = std::function<int64_t(std::string_view)>;

struct CorpusFilter {
  int64_t maxSourceTokens = 0;  // 0 = no bound; counts tokens only (no <eos>)
  int64_t maxTargetTokens = 0;  // seq2seq only
  bool dedup = false;           // keep the first of examples with the same source and target
};

struct FilterReport {
  int64_t kept = 0;
  int64_t sourceTooLong = 0;
  int64_t targetTooLong = 0;
  int64_t duplicates = 0;
  // "kept 9,870 of 10,000 pairs: 100 sources over 10 tokens, 20 targets over 12, 10 duplicates"
  std::string summary() const;
};

// Removes, in place and keeping order, what the filter leaves out. An example over both bounds
// counts as a long source. `count` is needed only when a length bound is set.
FilterReport filterExamples(std::vector<Example>& examples, const CorpusFilter& filter,
                            const TokenCounter& count = {});

// The corpus cut into three splits by splitExamples(), as a dataset named after it. Throws
// attn::Error when there is no example.
Dataset datasetFromCorpus(const Corpus& corpus, TaskKind kind, TokenizerKind tokenizer,
                          const SplitOptions& split = {});

}  // namespace attn::data
