#include "data/corpus_header.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <string>

namespace attn::data {

namespace {

// Column names seen in the corpora people download: generic roles, and language names and codes
// (Tatoeba exports, Kaggle CSVs turned into TSV, OPUS samples).
constexpr std::array kColumnNames = {
    "source",     "target",   "src",       "tgt",       "text",     "texts",       "label",
    "labels",     "sentence", "sentences", "input",     "output",   "translation", "original",
    "reference",  "class",    "category",  "sentiment", "review",   "question",    "answer",
    "id",         "lang",     "english",   "french",    "german",   "spanish",     "italian",
    "portuguese", "dutch",    "russian",   "chinese",   "japanese", "korean",      "arabic",
    "en",         "fr",       "de",        "es",        "it",       "pt",          "nl",
    "ru",         "zh",       "ja",        "ko",        "ar",       "eng",         "fra",
    "deu",        "spa",      "ita",       "por",       "nld",      "rus",         "cmn",
    "jpn",        "kor",      "ara",       "src_lang",  "tgt_lang", "source_text", "target_text"};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool isColumnName(std::string_view field) {
  const std::string l = lower(field);
  return std::find(kColumnNames.begin(), kColumnNames.end(), l) != kColumnNames.end();
}

}  // namespace

bool looksLikeHeader(const Example& first, const std::vector<Example>& rest, TaskKind kind) {
  if (isColumnName(first.source) && isColumnName(first.target)) return true;
  if (kind != TaskKind::Classification || rest.size() < 4) return false;
  // A label column: few distinct values, each repeated. The first line's "label" is not one.
  std::set<std::string> labels;
  for (const Example& e : rest) labels.insert(e.target);
  return labels.count(first.target) == 0 && labels.size() * 2 <= rest.size();
}

std::string headerWarning(std::string_view name, int64_t line, const Example& first) {
  return std::string(name) + ":" + std::to_string(line) +
         ": the first line looks like a header (\"" + first.source + "\", \"" + first.target +
         "\"); it was read as an example: pass --skip-header to leave it out";
}

}  // namespace attn::data
