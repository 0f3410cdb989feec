#include "data/tsv.h"

#include <algorithm>
#include <charconv>

#include "data/corpus_header.h"
#include "data/text_lines.h"
#include "util/atomic_file.h"
#include "util/check.h"

namespace attn::data {

namespace {

// The line cut at its tabs (no copies).
std::vector<std::string_view> splitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

std::string ordinalColumn(int column) {
  return "column " + std::to_string(column);
}

}  // namespace

Columns parseColumns(std::string_view text) {
  const std::string usage =
      "--columns takes two different column numbers, 1-based, such as 1,2 "
      "(source,target or text,label), not \"" +
      std::string(text) + "\"";
  const size_t comma = text.find(',');
  if (comma == std::string_view::npos) throw Error(usage);
  auto number = [&](std::string_view s) {
    s = trimSpace(s);
    int value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size() || value < 1 || value > 1000)
      throw Error(usage);
    return value;
  };
  Columns c{number(text.substr(0, comma)), number(text.substr(comma + 1))};
  if (c.source == c.target) throw Error(usage);
  return c;
}

Corpus parseTsvCorpus(std::string_view content, std::string_view name, TaskKind kind,
                      const TsvOptions& options) {
  const bool seq2seq = kind == TaskKind::Seq2Seq;
  const std::string first = seq2seq ? "source" : "text", second = seq2seq ? "target" : "label";
  const std::string layout = first + "<TAB>" + second;
  const Columns cols = options.columns;
  const bool defaultColumns = cols == Columns{};
  const size_t needed = static_cast<size_t>(std::max(cols.source, cols.target));
  const std::string choice =
      " (--columns " + std::to_string(cols.source) + "," + std::to_string(cols.target) + ")";

  Corpus corpus;
  corpus.name = std::filesystem::path(name).stem().string();
  // Appended piece by piece: GCC 12 warns (a false positive) on "literal" + std::string here.
  ((corpus.origin = '"') += name) += '"';
  bool headerPending = options.skipHeader;
  int64_t firstLine = 0;
  forEachLine(content, name, options.maxLineBytes, [&](int64_t lineNo, std::string_view line) {
    if (isBlank(line)) return;
    if (headerPending) {
      headerPending = false;
      return;
    }
    const std::string where = std::string(name) + ":" + std::to_string(lineNo) + ": ";
    const std::vector<std::string_view> fields = splitTabs(line);
    if (fields.size() < needed) {
      if (fields.size() == 1)
        throw Error(where + "no tab: each line must be " + layout +
                    (defaultColumns ? ""
                                    : ", with the " + first + " in " + ordinalColumn(cols.source) +
                                          " and the " + second + " in " +
                                          ordinalColumn(cols.target) + choice));
      throw Error(where + "the line has " + std::to_string(fields.size()) + " columns, but the " +
                  (cols.source > cols.target ? first : second) + " is in " +
                  ordinalColumn(std::max(cols.source, cols.target)) + choice +
                  ": choose other columns with --columns, or fix the line");
    }
    const std::string_view a = trimSpace(fields[static_cast<size_t>(cols.source - 1)]);
    const std::string_view b = trimSpace(fields[static_cast<size_t>(cols.target - 1)]);
    const auto side = [&](int column, bool isFirst) {
      return defaultColumns ? std::string(isFirst ? "(before the tab)" : "(after the tab)")
                            : "(" + ordinalColumn(column) + ")";
    };
    if (a.empty())
      throw Error(where + "the " + first + " " + side(cols.source, true) + " is empty");
    if (b.empty())
      throw Error(where + "the " + second + " " + side(cols.target, false) + " is empty");
    if (corpus.examples.empty()) firstLine = lineNo;
    corpus.examples.push_back(Example{std::string(a), std::string(b)});
  });
  if (!options.skipHeader && !corpus.examples.empty()) {
    const std::vector<Example> rest(corpus.examples.begin() + 1, corpus.examples.end());
    if (looksLikeHeader(corpus.examples.front(), rest, kind))
      corpus.warnings.push_back(headerWarning(name, firstLine, corpus.examples.front()));
  }
  return corpus;
}

Corpus readTsvCorpus(const std::filesystem::path& path, TaskKind kind, const TsvOptions& options) {
  Corpus c = parseTsvCorpus(readTextFile(path, options.maxFileBytes), path.string(), kind, options);
  c.name = path.stem().string();
  return c;
}

std::vector<Example> parseTsv(std::string_view content, std::string_view name, TaskKind kind,
                              const TsvOptions& options) {
  return parseTsvCorpus(content, name, kind, options).examples;
}

std::vector<Example> readTsv(const std::filesystem::path& path, TaskKind kind,
                             const TsvOptions& options) {
  return readTsvCorpus(path, kind, options).examples;
}

Dataset loadTsvDataset(const std::filesystem::path& path, TaskKind kind, TokenizerKind tokenizer,
                       const SplitOptions& split, const TsvOptions& options) {
  return datasetFromCorpus(readTsvCorpus(path, kind, options), kind, tokenizer, split);
}

Dataset loadTsvSplits(const std::filesystem::path& train, const std::filesystem::path& validation,
                      const std::filesystem::path& test, TaskKind kind, TokenizerKind tokenizer,
                      const TsvOptions& options) {
  Dataset d;
  d.name = train.stem().string();
  d.kind = kind;
  d.tokenizer = tokenizer;
  d.train = readTsv(train, kind, options);
  if (d.train.empty()) throw Error("\"" + train.string() + "\" holds no examples");
  if (!validation.empty()) d.validation = readTsv(validation, kind, options);
  if (!test.empty()) d.test = readTsv(test, kind, options);
  return d;
}

void writeTsv(const std::filesystem::path& path, const std::vector<Example>& examples) {
  for (size_t i = 0; i < examples.size(); ++i)
    for (const std::string* field : {&examples[i].source, &examples[i].target})
      if (field->empty() || field->find_first_of("\t\r\n") != std::string::npos)
        throw Error("cannot write example " + std::to_string(i + 1) + " to \"" + path.string() +
                    "\": a field is empty or holds a tab or a line break");
  writeFileAtomically(path.string(), [&](std::ostream& out) {
    for (const Example& e : examples) out << e.source << '\t' << e.target << '\n';
  });
}

}  // namespace attn::data
