#include "data/tsv.h"

#include <fstream>
#include <sstream>
#include <system_error>

#include "data/tokenizer.h"
#include "data/utf8.h"
#include "util/atomic_file.h"
#include "util/check.h"

namespace attn::data {

namespace {

std::string_view trim(std::string_view s) {
  const auto isSpace = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
  };
  while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
  return s;
}

// True when the line holds only white space (Unicode white space included), so that a line of
// non-breaking spaces is skipped like an empty one. The line is valid UTF-8 by now.
bool isBlank(std::string_view line) {
  for (char32_t c : decodeUtf8(line))
    if (!isWhiteSpace(c)) return false;
  return true;
}

std::string readWholeFile(const std::filesystem::path& path, const TsvOptions& options) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw Error("cannot read \"" + path.string() + "\": " +
                (std::filesystem::exists(path, ec) ? "not a regular file" : "no such file"));
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) throw Error("cannot read \"" + path.string() + "\": " + ec.message());
  if (static_cast<int64_t>(size) > options.maxFileBytes)
    throw Error("\"" + path.string() + "\" is " + std::to_string(size) +
                " bytes, more than the limit of " + std::to_string(options.maxFileBytes) +
                " bytes for a corpus");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot open \"" + path.string() + "\"");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw Error("error while reading \"" + path.string() + "\"");
  return buffer.str();
}

}  // namespace

std::vector<Example> parseTsv(std::string_view content, std::string_view name, TaskKind kind,
                              const TsvOptions& options) {
  const bool seq2seq = kind == TaskKind::Seq2Seq;
  const std::string first = seq2seq ? "source" : "text", second = seq2seq ? "target" : "label";
  const std::string layout = first + "<TAB>" + second;
  if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);  // byte order mark

  std::vector<Example> examples;
  bool headerPending = options.skipHeader;
  int64_t lineNo = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(pos, end - pos);
    pos = end + 1;
    ++lineNo;
    const std::string where = std::string(name) + ":" + std::to_string(lineNo) + ": ";
    if (static_cast<int64_t>(line.size()) > options.maxLineBytes)
      throw Error(where + "the line is " + std::to_string(line.size()) +
                  " bytes long, more than the limit of " + std::to_string(options.maxLineBytes));
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (auto problem = findUtf8Problem(line)) throw Error(where + describe(*problem));
    if (isBlank(line)) continue;
    if (headerPending) {
      headerPending = false;
      continue;
    }
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) throw Error(where + "no tab: each line must be " + layout);
    if (line.find('\t', tab + 1) != std::string_view::npos)
      throw Error(where + "more than one tab: each line must be " + layout +
                  " with exactly one tab");
    const std::string_view a = trim(line.substr(0, tab)), b = trim(line.substr(tab + 1));
    if (a.empty() || isBlank(a)) throw Error(where + "the " + first + " (before the tab) is empty");
    if (b.empty() || isBlank(b)) throw Error(where + "the " + second + " (after the tab) is empty");
    examples.push_back(Example{std::string(a), std::string(b)});
  }
  return examples;
}

std::vector<Example> readTsv(const std::filesystem::path& path, TaskKind kind,
                             const TsvOptions& options) {
  return parseTsv(readWholeFile(path, options), path.string(), kind, options);
}

Dataset loadTsvDataset(const std::filesystem::path& path, TaskKind kind, TokenizerKind tokenizer,
                       const SplitOptions& split, const TsvOptions& options) {
  std::vector<Example> all = readTsv(path, kind, options);
  if (all.empty()) throw Error("\"" + path.string() + "\" holds no examples");
  SplitExamples s = splitExamples(all, split);
  Dataset d;
  d.name = path.stem().string();
  d.kind = kind;
  d.tokenizer = tokenizer;
  d.train = std::move(s.train);
  d.validation = std::move(s.validation);
  d.test = std::move(s.test);
  return d;
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
