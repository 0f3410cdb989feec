// Unicode word segmentation with ICU's word break iterator (UAX #29 plus ICU's dictionaries for
// Chinese, Japanese, Thai, Lao, Khmer and Burmese, which write no spaces between words), and the
// two text normalisations the `words` tokenizer offers. Nothing here keeps state: each thread
// reuses its own iterator.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace attn::data {

struct WordsNormalization {
  bool lowercase = false;  // Unicode full case folding to lower case (root locale)
  bool nfkc = false;       // compatibility composition: "ﬁ" -> "fi", "①" -> "1", NBSP -> space
};

// The text normalised, then cut at word boundaries; segments made only of white space are
// dropped, so words, numbers ("3.14"), punctuation marks and emoji (with their modifiers and
// joiners) are tokens. Throws attn::Error on invalid UTF-8.
std::vector<std::string> segmentWords(std::string_view text, const WordsNormalization& norm = {});

// The normalisation alone (what segmentWords applies first).
std::string normalizeText(std::string_view text, const WordsNormalization& norm);

// True when the code point belongs to a script written without spaces between words (Han,
// Hiragana, Katakana, Thai, Lao, Khmer, Myanmar) or is CJK punctuation and kana (U+3000..U+30FF,
// fullwidth forms): detokenisation puts no space between two such characters.
bool isSpacelessScript(char32_t codePoint);

}  // namespace attn::data
