#include "cli/data_source.h"

#include <cstdio>

#include <CLI/CLI.hpp>

#include "cli/checks.h"
#include "cli/command.h"
#include "data/tasks/task.h"
#include "util/check.h"

namespace attn::app {

using nlohmann::json;

namespace {

constexpr const char* kGroup = "Data";

bool given(const CLI::Option* option) {
  return option && option->count() > 0;
}

jobs::BuiltInTask taskSpec(const DataSourceOptions& o, const json& recorded) {
  jobs::BuiltInTask t{o.task, data::makeTask(o.task)->defaultConfig()};
  const std::optional<jobs::DataSourceSpec> before = jobs::recordedDataSource(recorded);
  if (before && jobs::sameSourceAsRecorded(t, recorded))
    t.config = std::get<jobs::BuiltInTask>(*before).config;
  data::TaskConfig& c = t.config;
  if (given(o.taskSeedOption)) c.seed = o.taskSeed;
  if (given(o.trainSizeOption)) c.trainSize = o.trainSize;
  if (given(o.validationSizeOption)) c.validationSize = o.validationSize;
  if (given(o.testSizeOption)) c.testSize = o.testSize;
  if (given(o.minLengthOption)) c.minLength = o.minLength;
  if (given(o.maxLengthOption)) c.maxLength = o.maxLength;
  if (given(o.alphabetSizeOption)) c.alphabetSize = o.alphabetSize;
  if (c.maxLength != 0 && c.minLength > c.maxLength)
    throw UsageError("--min-length " + std::to_string(c.minLength) + " is above --max-length " +
                     std::to_string(c.maxLength) + ": give a shortest length at most the longest");
  return t;
}

jobs::TsvFile fileSpec(const DataSourceOptions& o, const json& recorded) {
  jobs::TsvFile f;
  const bool parallel = !o.sourceFile.empty();
  f.path = parallel ? o.sourceFile : o.dataFile;
  f.targetPath = parallel ? o.targetFile : "";
  try {
    f.columns = data::parseColumns(o.columns);
  } catch (const Error& e) {
    throw UsageError(e.what());  // it names --columns
  }
  f.kind = data::parseTaskKind(o.taskKind);
  f.tokenizer = data::parseTokenizerKind(o.tokenizer);
  f.lowercase = o.lowercase;
  f.nfkc = o.nfkc;
  f.subwordAlgorithm = data::parseSubwordAlgorithm(o.subwordModelType);
  f.subwordVocabSize = o.subwordVocabSize;
  f.split.seed = o.taskSeed;
  f.split.validationFraction = o.validationFraction;
  f.split.testFraction = o.testFraction;
  f.split.shuffle = !o.fileOrder;
  f.skipHeader = o.skipHeader;
  f.filter.maxSourceTokens = o.maxSourceTokens;
  f.filter.maxTargetTokens = o.maxTargetTokens;
  f.filter.dedup = o.dedup;
  const std::optional<jobs::DataSourceSpec> before = jobs::recordedDataSource(recorded);
  if (before && jobs::sameSourceAsRecorded(f, recorded)) {
    // The same file as the model's: it is read, split and filtered as it was then.
    const jobs::TsvFile& old = std::get<jobs::TsvFile>(*before);
    f.split = old.split;
    f.skipHeader = old.skipHeader;
    if (!parallel && !given(o.columnsOption)) f.columns = old.columns;
    if (!parallel && old.targetPath.empty() == false && o.targetFile.empty())
      f.targetPath = old.targetPath;
    f.filter = old.filter;
  }
  // Flags given now win over what was recorded.
  if (given(o.maxTargetTokensOption)) f.filter.maxTargetTokens = o.maxTargetTokens;
  if (o.maxSourceTokens > 0) f.filter.maxSourceTokens = o.maxSourceTokens;
  if (o.dedup) f.filter.dedup = true;
  if (given(o.taskSeedOption)) f.split.seed = o.taskSeed;
  if (given(o.validationFractionOption)) f.split.validationFraction = o.validationFraction;
  if (given(o.testFractionOption)) f.split.testFraction = o.testFraction;
  if (o.fileOrder) f.split.shuffle = false;
  if (o.skipHeader) f.skipHeader = true;
  const double held = f.split.validationFraction + f.split.testFraction;
  if (held >= 1) {
    char sum[32];
    std::snprintf(sum, sizeof sum, "%g", held);
    throw UsageError(std::string("--val-fraction and --test-fraction add up to ") + sum +
                     ", which leaves nothing to train on: keep their sum below 1");
  }
  return f;
}

void checkTokenizerFlags(const DataSourceOptions& o) {
  const auto refuse = [](const std::string& flag, const std::string& which) {
    throw UsageError(flag + " applies only to --tokenizer " + which);
  };
  if (o.lowercase && o.tokenizer != "words" && o.tokenizer != "sentencepiece")
    refuse("--lowercase", "words or sentencepiece");
  if (o.nfkc && o.tokenizer != "words") refuse("--nfkc", "words");
  if (o.tokenizer != "sentencepiece") {
    if (given(o.subwordModelTypeOption)) refuse("--sp-model-type", "sentencepiece");
    if (given(o.subwordVocabSizeOption)) refuse("--vocab-size", "sentencepiece");
  }
}

// --task-kind, the tokenizer and its options, and the filters only training chooses.
void addTextFormatOptions(CLI::App& command, DataSourceOptions& o) {
  o.taskKindOption = command
                         .add_option("--task-kind", o.taskKind,
                                     "TSV: seq2seq (source<TAB>target) or classification "
                                     "(text<TAB>label); default seq2seq")
                         ->check(oneOf({"seq2seq", "classification"}))
                         ->group(kGroup);
  o.tokenizerOption =
      command
          .add_option("--tokenizer", o.tokenizer,
                      "How the file's text is cut into tokens, stored in the model: word (at "
                      "spaces only: \"Go.\" is one token), char (one token per character), "
                      "words (Unicode words and punctuation apart: \"Go\" \".\"; also cuts "
                      "Chinese, Japanese and Thai into words) or sentencepiece (subwords "
                      "learned from the train split: rare words become known pieces, so no "
                      "<unk>); default word")
          ->check(oneOf({"word", "char", "words", "sentencepiece"}))
          ->group(kGroup);
  o.lowercaseOption = command
                          .add_flag("--lowercase", o.lowercase,
                                    "words, sentencepiece: fold the text to lower case before "
                                    "cutting it (outputs come out in lower case)")
                          ->group(kGroup);
  o.nfkcOption = command
                     .add_flag("--nfkc", o.nfkc,
                               "words: normalise the text to Unicode NFKC first (full-width "
                               "letters and ligatures become plain ones; sentencepiece always "
                               "does this)")
                     ->group(kGroup);
  o.subwordModelTypeOption =
      command
          .add_option("--sp-model-type", o.subwordModelType,
                      "sentencepiece: unigram (default) or bpe, the way pieces are learned")
          ->check(oneOf({"unigram", "bpe"}))
          ->group(kGroup);
  o.subwordVocabSizeOption =
      command
          .add_option("--vocab-size", o.subwordVocabSize,
                      "sentencepiece: the most pieces to learn, which are the model's "
                      "vocabulary (default 8000; a small corpus gets fewer)")
          ->check(wholeNumber(8, 1'000'000))
          ->group(kGroup);
  o.maxTargetTokensOption =
      command
          .add_option("--max-target-length", o.maxTargetTokens,
                      "File: leave out examples whose target has more tokens, as the tokenizer "
                      "cuts it (0 = keep all)")
          ->check(wholeNumber(0))
          ->group(kGroup);
  o.dedupOption = command
                      .add_flag("--dedup", o.dedup,
                                "File: keep only the first of examples with the same source "
                                "and target")
                      ->group(kGroup);
  for (CLI::Option* needsFile : {o.lowercaseOption, o.nfkcOption, o.subwordModelTypeOption,
                                 o.subwordVocabSizeOption, o.maxTargetTokensOption, o.dedupOption})
    needsFile->excludes(o.taskOption);
}

// Parallel files and the TSV column choice, beside --data.
void addCorpusFileOptions(CLI::App& command, DataSourceOptions& o) {
  o.sourceFileOption =
      command
          .add_option("--source-file", o.sourceFile,
                      "Parallel text files: the sources, one sentence a line (with --target-file; "
                      "line N of each makes example N)")
          ->group(kGroup);
  o.targetFileOption = command
                           .add_option("--target-file", o.targetFile,
                                       "Parallel text files: the targets, one sentence a line, as "
                                       "many lines as --source-file")
                           ->group(kGroup);
  o.sourceFileOption->needs(o.targetFileOption);
  o.targetFileOption->needs(o.sourceFileOption);
  for (CLI::Option* other : {o.taskOption, o.dataOption}) {
    o.sourceFileOption->excludes(other);
    o.targetFileOption->excludes(other);
  }
  o.columnsOption =
      command
          .add_option("--columns", o.columns,
                      "TSV: which columns (1-based) are the source and the target, or the text "
                      "and the label, as SRC,TGT (default 1,2; a Tatoeba/Anki file's third "
                      "column, its attribution, is ignored)")
          ->needs(o.dataOption)
          ->group(kGroup);
}

}  // namespace

void addDataSourceOptions(CLI::App& command, DataSourceOptions& o, bool withTextFormat) {
  o.taskOption =
      command.add_option("--task", o.task, "A built-in task: " + listOf(data::taskNames()))
          ->check(oneOf(data::taskNames()))
          ->group(kGroup);
  o.dataOption =
      command
          .add_option("--data", o.dataFile,
                      "A TSV file: one example a line, columns separated by tabs; --columns "
                      "chooses the source and target (or text and label), other columns are "
                      "ignored")
          ->group(kGroup);
  o.taskOption->excludes(o.dataOption);
  addCorpusFileOptions(command, o);

  const auto size = wholeNumber(0, 10'000'000);
  o.trainSizeOption = command.add_option("--train-size", o.trainSize, "Task: training examples")
                          ->check(size)
                          ->group(kGroup);
  o.validationSizeOption =
      command
          .add_option("--val-size,--validation-size", o.validationSize, "Task: validation examples")
          ->check(size)
          ->group(kGroup);
  o.testSizeOption = command.add_option("--test-size", o.testSize, "Task: test examples")
                         ->check(size)
                         ->group(kGroup);
  o.minLengthOption = command
                          .add_option("--min-length", o.minLength,
                                      "Task: shortest source, in the task's tokens (0 = no bound)")
                          ->check(wholeNumber(0, 100'000))
                          ->group(kGroup);
  o.maxLengthOption = command
                          .add_option("--max-length", o.maxLength,
                                      "Task: longest source, in the task's tokens (0 = no bound)")
                          ->check(wholeNumber(0, 100'000))
                          ->group(kGroup);
  o.alphabetSizeOption =
      command.add_option("--alphabet-size", o.alphabetSize, "Task: symbols of copy/reverse/sort")
          ->check(wholeNumber(2, 36))
          ->group(kGroup);
  o.taskSeedOption = command
                         .add_option("--task-seed,--data-seed", o.taskSeed,
                                     "Seed of the data: the task's examples, or the TSV split "
                                     "(default 1)")
                         ->check(wholeNumber(0))
                         ->group(kGroup);
  if (withTextFormat) addTextFormatOptions(command, o);
  const auto fraction = realNumber(0, true, 0.99);
  o.validationFractionOption =
      command
          .add_option("--val-fraction", o.validationFraction,
                      "TSV: share of distinct sources for validation (default 0.1)")
          ->check(fraction)
          ->group(kGroup);
  o.testFractionOption = command
                             .add_option("--test-fraction", o.testFraction,
                                         "TSV: share of distinct sources for test (default 0.1)")
                             ->check(fraction)
                             ->group(kGroup);
  command
      .add_flag("--skip-header", o.skipHeader,
                "File: the first line names the columns (or the language), so it is not read "
                "as an example")
      ->group(kGroup);
}

jobs::DataSourceSpec dataSourceSpec(const DataSourceOptions& o, const json& recorded) {
  if (!o.task.empty()) return taskSpec(o, recorded);
  if (o.tokenizerOption) checkTokenizerFlags(o);
  return fileSpec(o, recorded);
}

bool taskFlagsGiven(const DataSourceOptions& o) {
  for (const CLI::Option* option :
       {o.trainSizeOption, o.validationSizeOption, o.testSizeOption, o.minLengthOption,
        o.maxLengthOption, o.alphabetSizeOption, o.taskSeedOption})
    if (given(option)) return true;
  return false;
}

}  // namespace attn::app
