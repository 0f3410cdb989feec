#include "data/gettext_corpus.h"

#include "data/digit_groups.h"

#include <algorithm>

#include "data/text_lines.h"
#include "data/utf8.h"
#include "util/check.h"

namespace attn::data {

namespace {

bool isAsciiLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The length of the printf directive at text[i] == '%' ("%s", "%1$s", "%-10.3lf", "%'d"), or 0
// when none starts there.
size_t directiveLength(std::string_view text, size_t i) {
  size_t j = i + 1;
  const auto digits = [&] {
    while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
  };
  const size_t positional = j;
  digits();
  if (j < text.size() && text[j] == '$' && j > positional) {
    ++j;
  } else {
    j = positional;
  }
  // Not the space flag: "50% off" is text, though printf would read "% o".
  while (j < text.size() && std::string_view("-+#0'").find(text[j]) != std::string_view::npos) ++j;
  digits();
  if (j < text.size() && text[j] == '.') {
    ++j;
    digits();
  }
  while (j < text.size() && std::string_view("hlLqjzt").find(text[j]) != std::string_view::npos)
    ++j;
  if (j < text.size() &&
      std::string_view("diouxXeEfFgGaAcspn").find(text[j]) != std::string_view::npos)
    return j + 1 - i;
  return 0;
}

}  // namespace

std::string normaliseMessage(std::string_view text) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 1 < text.size() && text[i + 1] == '%') {
        out += "%";
        ++i;
        space = false;
        continue;
      }
      if (const size_t n = directiveLength(text, i)) {
        if (space && !out.empty()) out += ' ';
        space = false;
        out += "%s";
        i += n - 1;
        continue;
      }
    }
    // An accelerator marks the letter after it; "&&" is a literal ampersand.
    if ((c == '_' || c == '&') && i + 1 < text.size()) {
      if (c == '&' && text[i + 1] == '&') {
        if (space && !out.empty()) out += ' ';
        space = false;
        out += '&';
        ++i;
        continue;
      }
      if (isAsciiLetter(text[i + 1]) || static_cast<unsigned char>(text[i + 1]) >= 0x80) continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string GettextReport::summary() const {
  std::string s = "kept " + grouped(kept) + " pairs of " + grouped(messages) + " messages from " +
                  grouped(catalogs) + " catalog" + (catalogs == 1 ? "" : "s");
  std::vector<std::string> parts;
  const auto part = [&](int64_t n, const std::string& what) {
    if (n > 0) parts.push_back(grouped(n) + " " + what);
  };
  part(untranslated, "untranslated");
  part(duplicates, "duplicates");
  part(tooLong, "too long");
  part(notUtf8, "not in UTF-8");
  part(empty, "empty once normalised");
  for (size_t i = 0; i < parts.size(); ++i) s += (i == 0 ? "; left out " : ", ") + parts[i];
  if (pluralForms > 0) s += "; " + grouped(pluralForms) + " extra plural forms left out";
  if (contexts > 0) s += "; " + grouped(contexts) + " context prefixes taken off";
  if (unreadableCatalogs > 0) s += "; " + grouped(unreadableCatalogs) + " catalogs unreadable";
  return s;
}

void addGettextPairs(const std::vector<MoMessage>& messages, const GettextOptions& options,
                     std::vector<Example>& out, std::unordered_set<std::string>& seen,
                     GettextReport& report) {
  for (const MoMessage& m : messages) {
    if (m.id.empty()) continue;  // the catalog's header
    ++report.messages;
    if (!m.context.empty()) ++report.contexts;
    if (!m.idPlural.empty() && m.translations.size() > 1)
      report.pluralForms += static_cast<int64_t>(m.translations.size()) - 1;
    const std::string& translation = m.translations.empty() ? std::string() : m.translations[0];
    if (translation.empty()) {
      ++report.untranslated;
      continue;
    }
    if (findUtf8Problem(m.id) || findUtf8Problem(translation)) {
      ++report.notUtf8;
      continue;
    }
    const std::string source = normaliseMessage(m.id), target = normaliseMessage(translation);
    if (source.empty() || target.empty()) {
      ++report.empty;
      continue;
    }
    const auto chars = [](const std::string& s) {
      return static_cast<int64_t>(splitCodePoints(s).size());
    };
    if (chars(source) > options.maxChars || chars(target) > options.maxChars) {
      ++report.tooLong;
      continue;
    }
    if (!seen.insert(source).second) {
      ++report.duplicates;
      continue;
    }
    out.push_back({source, target});
    ++report.kept;
  }
}

std::vector<Example> gettextCorpus(const std::filesystem::path& localeDir, const std::string& lang,
                                   const GettextOptions& options, GettextReport& report) {
  if (lang.empty() || lang.find('/') != std::string::npos || lang == "." || lang == "..")
    throw Error("a language code such as fr, es or zh_CN, not \"" + lang + "\"");
  const std::filesystem::path folder = localeDir / lang / "LC_MESSAGES";
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".mo") files.push_back(it->path());
  std::sort(files.begin(), files.end());
  if (files.empty())
    throw Error("no gettext catalog (.mo) in " + folder.string() +
                ": no program on this system is translated into \"" + lang +
                "\" (install a language pack, or choose another --lang)");
  std::vector<Example> out;
  std::unordered_set<std::string> seen;
  for (const std::filesystem::path& file : files) {
    std::vector<MoMessage> messages;
    try {
      messages = readMoCatalog(file);
    } catch (const Error& e) {
      ++report.unreadableCatalogs;
      report.unreadable.push_back(e.what());
      continue;
    }
    ++report.catalogs;
    addGettextPairs(messages, options, out, seen, report);
  }
  return out;
}

}  // namespace attn::data
