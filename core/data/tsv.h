// User corpora as tab-separated text: UTF-8 lines of any number of columns, two of which are
// chosen (1-based, default 1 and 2) as source and target (translation-like tasks) or text and
// label (classification). A Tatoeba/Anki export (`Go.<TAB>Va !<TAB>CC-BY 2.0 (France) ...`) reads
// as it is. Reading never trusts the file: every line is checked and the first bad one is
// reported by file name and line number, with what to do about it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "data/corpus.h"
#include "data/dataset.h"
#include "data/split.h"

namespace attn::data {

// Which columns hold the two fields, 1-based as `--columns SRC,TGT` (or TEXT,LABEL) writes them.
struct Columns {
  int source = 1;
  int target = 2;
  friend bool operator==(const Columns&, const Columns&) = default;
};

// "1,2" / "2, 1" / "1,3". Throws attn::Error saying what is expected for anything else (one
// number, zero, a column used twice, more than 1000).
Columns parseColumns(std::string_view text);

struct TsvOptions {
  int64_t maxLineBytes = 64 * 1024;            // a longer line is an error, not a sentence
  int64_t maxFileBytes = 512LL * 1024 * 1024;  // refuse before reading, not after filling memory
  bool skipHeader = false;                     // the first non-empty line names the columns
  Columns columns;
};

// Each non-empty line must have at least as many tab-separated columns as the higher of the two
// chosen, with text in both chosen columns; other columns are ignored. A UTF-8 byte order mark and
// Windows line ends (\r\n) are accepted; lines made only of white space are skipped, and both
// fields are trimmed of surrounding white space. Errors (attn::Error) read
// "corpus.tsv:12: no tab: each line must be source<TAB>target" (columns named "text"/"label" for
// classification). A first line that looks like a header (and skipHeader is off) is kept and
// warned about in Corpus::warnings.
Corpus readTsvCorpus(const std::filesystem::path& path, TaskKind kind,
                     const TsvOptions& options = {});
Corpus parseTsvCorpus(std::string_view content, std::string_view name, TaskKind kind,
                      const TsvOptions& options = {});

// The examples alone (for callers that have nowhere to show warnings: fuzzing, tools).
std::vector<Example> readTsv(const std::filesystem::path& path, TaskKind kind,
                             const TsvOptions& options = {});
std::vector<Example> parseTsv(std::string_view content, std::string_view name, TaskKind kind,
                              const TsvOptions& options = {});

// One file cut into three splits by splitExamples(); the dataset is named after the file.
Dataset loadTsvDataset(const std::filesystem::path& path, TaskKind kind, TokenizerKind tokenizer,
                       const SplitOptions& split = {}, const TsvOptions& options = {});

// Three files that are already split; an empty path leaves that split empty (train is required).
Dataset loadTsvSplits(const std::filesystem::path& train, const std::filesystem::path& validation,
                      const std::filesystem::path& test, TaskKind kind, TokenizerKind tokenizer,
                      const TsvOptions& options = {});

// Writes examples as `source<TAB>target` lines (atomically: a failure leaves no half-written
// file), so a generated task can be saved, inspected, and read back by readTsv() or by Python.
// A field holding a tab or a line break, or empty, cannot be written: attn::Error naming it.
void writeTsv(const std::filesystem::path& path, const std::vector<Example>& examples);

}  // namespace attn::data
