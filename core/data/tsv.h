// User corpora: UTF-8 text files of `source<TAB>target` (translation-like tasks) or
// `text<TAB>label` (classification) lines. Reading never trusts the file: every line is checked
// and the first bad one is reported by file name and line number.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "data/dataset.h"
#include "data/split.h"

namespace attn::data {

struct TsvOptions {
  int64_t maxLineBytes = 64 * 1024;            // a longer line is an error, not a sentence
  int64_t maxFileBytes = 512LL * 1024 * 1024;  // refuse before reading, not after filling memory
  bool skipHeader = false;                     // the first non-empty line names the columns
};

// Each non-empty line must hold exactly one tab with text on both sides. A UTF-8 byte order mark
// and Windows line ends (\r\n) are accepted; lines made only of white space are skipped, and
// both fields are trimmed of surrounding white space. Errors (attn::Error) read
// "corpus.tsv:12: no tab: each line must be source<TAB>target" (columns named "text"/"label"
// for classification).
std::vector<Example> readTsv(const std::filesystem::path& path, TaskKind kind,
                             const TsvOptions& options = {});

// The same checks on text already in memory; `name` stands for the file in messages.
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
