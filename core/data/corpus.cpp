#include "data/corpus.h"

#include "data/digit_groups.h"

#include <set>
#include <utility>

#include "data/corpus_header.h"
#include "data/text_lines.h"
#include "util/check.h"

namespace attn::data {

namespace {

// The lines of one file, trimmed, blank ones kept (as empty strings) so numbers stay aligned.
std::vector<std::string> linesOf(std::string_view content, std::string_view name,
                                 int64_t maxLineBytes) {
  std::vector<std::string> lines;
  forEachLine(content, name, maxLineBytes, [&](int64_t, std::string_view line) {
    lines.emplace_back(isBlank(line) ? std::string_view() : trimSpace(line));
  });
  return lines;
}

}  // namespace

Corpus parseParallelCorpus(std::string_view source, std::string_view sourceName,
                           std::string_view target, std::string_view targetName,
                           const ParallelOptions& options) {
  const std::vector<std::string> src = linesOf(source, sourceName, options.maxLineBytes);
  const std::vector<std::string> tgt = linesOf(target, targetName, options.maxLineBytes);
  if (src.size() != tgt.size())
    throw Error("the parallel files do not have the same number of lines: \"" +
                std::string(sourceName) + "\" has " + grouped(static_cast<int64_t>(src.size())) +
                " and \"" + std::string(targetName) + "\" has " +
                grouped(static_cast<int64_t>(tgt.size())) +
                "; line i of one must be the translation of line i of the other");
  Corpus corpus;
  corpus.name = std::filesystem::path(sourceName).stem().string();
  // Appended piece by piece: GCC 12 warns (a false positive) on "literal" + std::string here.
  ((((corpus.origin = '"') += sourceName) += "\" and \"") += targetName) += '"';
  int64_t emptyPairs = 0, firstEmpty = 0, firstLine = 0;
  for (size_t i = options.skipHeader ? 1 : 0; i < src.size(); ++i) {
    if (src[i].empty() || tgt[i].empty()) {
      if (emptyPairs++ == 0) firstEmpty = static_cast<int64_t>(i) + 1;
      continue;
    }
    if (corpus.examples.empty()) firstLine = static_cast<int64_t>(i) + 1;
    corpus.examples.push_back(Example{src[i], tgt[i]});
  }
  if (emptyPairs > 0)
    corpus.warnings.push_back(std::string(sourceName) + ":" + std::to_string(firstEmpty) +
                              ": left out " + grouped(emptyPairs) + " line pair" +
                              (emptyPairs > 1 ? "s" : "") +
                              " with an empty side (this is the "
                              "first); the other lines stay paired as they are");
  if (!options.skipHeader && !corpus.examples.empty() &&
      looksLikeHeader(corpus.examples.front(), {}, TaskKind::Seq2Seq))
    corpus.warnings.push_back(headerWarning(sourceName, firstLine, corpus.examples.front()));
  return corpus;
}

Corpus readParallelCorpus(const std::filesystem::path& sourcePath,
                          const std::filesystem::path& targetPath, const ParallelOptions& options) {
  Corpus c = parseParallelCorpus(
      readTextFile(sourcePath, options.maxFileBytes), sourcePath.string(),
      readTextFile(targetPath, options.maxFileBytes), targetPath.string(), options);
  c.name = sourcePath.stem().string();
  return c;
}

std::string FilterReport::summary() const {
  const int64_t total = kept + sourceTooLong + targetTooLong + duplicates;
  std::string s = "kept " + grouped(kept) + " of " + grouped(total) + " examples";
  std::vector<std::string> parts;
  if (sourceTooLong > 0) parts.push_back(grouped(sourceTooLong) + " with a source too long");
  if (targetTooLong > 0) parts.push_back(grouped(targetTooLong) + " with a target too long");
  if (duplicates > 0) parts.push_back(grouped(duplicates) + " duplicates");
  for (size_t i = 0; i < parts.size(); ++i) s += (i == 0 ? ": left out " : ", ") + parts[i];
  return s;
}

FilterReport filterExamples(std::vector<Example>& examples, const CorpusFilter& filter,
                            const TokenCounter& count) {
  if (filter.maxSourceTokens < 0 || filter.maxTargetTokens < 0)
    throw Error("a length bound must be 0 (none) or more tokens");
  ATTN_CHECK(count || (filter.maxSourceTokens == 0 && filter.maxTargetTokens == 0),
             "filterExamples: a length bound needs a token counter");
  FilterReport report;
  std::set<std::pair<std::string, std::string>> seen;
  std::vector<Example> kept;
  kept.reserve(examples.size());
  for (Example& e : examples) {
    if (filter.maxSourceTokens > 0 && count(e.source) > filter.maxSourceTokens) {
      ++report.sourceTooLong;
    } else if (filter.maxTargetTokens > 0 && count(e.target) > filter.maxTargetTokens) {
      ++report.targetTooLong;
    } else if (filter.dedup && !seen.emplace(e.source, e.target).second) {
      ++report.duplicates;
    } else {
      kept.push_back(std::move(e));
    }
  }
  report.kept = static_cast<int64_t>(kept.size());
  examples = std::move(kept);
  return report;
}

Dataset datasetFromCorpus(const Corpus& corpus, TaskKind kind, TokenizerKind tokenizer,
                          const SplitOptions& split) {
  if (corpus.examples.empty())
    throw Error((corpus.origin.empty() ? corpus.name : corpus.origin) + " holds no examples");
  SplitExamples s = splitExamples(corpus.examples, split);
  Dataset d;
  d.name = corpus.name;
  d.kind = kind;
  d.tokenizer = tokenizer;
  d.train = std::move(s.train);
  d.validation = std::move(s.validation);
  d.test = std::move(s.test);
  return d;
}

}  // namespace attn::data
