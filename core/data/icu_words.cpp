#include "data/icu_words.h"

#include <memory>

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include "data/tokenizer.h"
#include "data/utf8.h"
#include "util/check.h"

namespace attn::data {

namespace {

icu::UnicodeString toUnicode(std::string_view text, const WordsNormalization& norm) {
  if (auto problem = findUtf8Problem(text)) throw Error("text: " + describe(*problem));
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (norm.nfkc) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status)) throw Error(std::string("ICU: no NFKC data: ") + u_errorName(status));
    u = nfkc->normalize(u, status);
    if (U_FAILURE(status)) throw Error(std::string("ICU: NFKC failed: ") + u_errorName(status));
  }
  if (norm.lowercase) u.toLower(icu::Locale::getRoot());
  return u;
}

// One word break iterator per thread: creating one loads its rules and dictionaries (tens of
// microseconds), and an iterator holds the text it walks, so it cannot be shared.
icu::BreakIterator& wordIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> it;
  if (!it) {
    UErrorCode status = U_ZERO_ERROR;
    it.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !it)
      throw Error(std::string("ICU: cannot create a word break iterator: ") + u_errorName(status));
  }
  return *it;
}

bool isSpace(UChar32 c) {
  return isWhiteSpace(static_cast<char32_t>(c)) || u_isUWhiteSpace(c);
}

// The segment without white space at its ends. UAX #29 counts U+202F (the narrow no-break space
// French puts before ! and ?) as a joiner of words (ExtendNumLet), so "Va\u202F!" would give
// "Va\u202F"; inside a segment it stays ("1\u202F000" is one number).
icu::UnicodeString trimmed(const icu::UnicodeString& s) {
  int32_t begin = 0, end = s.length();
  while (begin < end && isSpace(s.char32At(begin))) begin += U16_LENGTH(s.char32At(begin));
  while (end > begin && isSpace(s.char32At(end - 1))) end = s.moveIndex32(end, -1);
  return s.tempSubStringBetween(begin, end);
}

}  // namespace

std::string normalizeText(std::string_view text, const WordsNormalization& norm) {
  if (!norm.lowercase && !norm.nfkc) return std::string(text);
  std::string out;
  toUnicode(text, norm).toUTF8String(out);
  return out;
}

std::vector<std::string> segmentWords(std::string_view text, const WordsNormalization& norm) {
  const icu::UnicodeString u = toUnicode(text, norm);
  icu::BreakIterator& it = wordIterator();
  it.setText(u);
  std::vector<std::string> words;
  int32_t start = it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; start = end, end = it.next()) {
    const icu::UnicodeString segment = trimmed(u.tempSubStringBetween(start, end));
    if (segment.isEmpty()) continue;
    std::string word;
    segment.toUTF8String(word);
    words.push_back(std::move(word));
  }
  static const icu::UnicodeString kNothing;
  it.setText(kNothing);  // the iterator keeps a reference to its text: not to `u`, which dies
  return words;
}

bool isSpacelessScript(char32_t c) {
  if ((c >= 0x3000 && c <= 0x30FF) || (c >= 0xFF00 && c <= 0xFFEF)) return true;
  UErrorCode status = U_ZERO_ERROR;
  switch (uscript_getScript(static_cast<UChar32>(c), &status)) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_THAI:
    case USCRIPT_LAO:
    case USCRIPT_KHMER:
    case USCRIPT_MYANMAR:
      return true;
    default:
      return false;
  }
}

}  // namespace attn::data
