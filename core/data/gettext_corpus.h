// English -> L sentence pairs from the gettext catalogs a system's programs install
// (/usr/share/locale/L/LC_MESSAGES/*.mo): a real corpus on every machine, in the user's own
// language, built rather than shipped (the strings keep their programs' licences).
// `attention-cli corpus gettext` writes it as TSV.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_set>
#include <vector>

#include "data/dataset.h"
#include "data/mo_catalog.h"

namespace attn::data {

struct GettextOptions {
  int64_t maxChars = 200;  // a longer msgid or msgstr (in code points) is left out
};

// What was kept and why the rest was not, message by message.
struct GettextReport {
  int64_t catalogs = 0, unreadableCatalogs = 0;
  int64_t messages = 0;  // every msgid read, headers excluded
  int64_t kept = 0;
  int64_t untranslated = 0;  // empty msgstr
  int64_t notUtf8 = 0;       // the catalog is in another charset
  int64_t tooLong = 0;
  int64_t empty = 0;        // nothing left once accelerators and directives are normalised
  int64_t duplicates = 0;   // a msgid already kept (from this catalog or another)
  int64_t pluralForms = 0;  // extra forms of plural messages left out (the singular is kept)
  int64_t contexts = 0;     // context prefixes taken off (the message is kept)
  std::vector<std::string> unreadable;  // "file: why", for the catalogs that could not be read
  // "kept 12,345 pairs of 20,000 messages from 87 catalogs; left out 4,000 untranslated, ..."
  std::string summary() const;
};

// A string as a sentence: keyboard accelerators taken off ("_Open", "&Save" -> "Open",
// "Save"; "&&" is "&"), printf-style directives ("%s", "%d", "%1$s", "%.2f", "%'d") written
// "%s", white space (line breaks, tabs) folded to single spaces and trimmed.
std::string normaliseMessage(std::string_view text);

// Adds the pairs of `messages` to `out` (msgid -> msgstr, or msgstr[0] for a plural's singular),
// counting in `report` what is left out. `seen` holds the (normalised) msgids already kept.
void addGettextPairs(const std::vector<MoMessage>& messages, const GettextOptions& options,
                     std::vector<Example>& out, std::unordered_set<std::string>& seen,
                     GettextReport& report);

// Every *.mo of `localeDir`/`lang`/LC_MESSAGES, in file-name order. A catalog that cannot be
// read is counted and named in the report, not fatal; no catalog at all is an attn::Error naming
// the folder.
std::vector<Example> gettextCorpus(const std::filesystem::path& localeDir, const std::string& lang,
                                   const GettextOptions& options, GettextReport& report);

}  // namespace attn::data
