// The kinds of tokenizer a model file can name (docs/file-formats.md, Vocabularies and
// tokenizers), and the two simplest ones with their inverses. A model file names its tokenizer
// ("word", "char", "words", "sentencepiece"), so what is written here must cut text exactly as it
// was cut in training. The kinds that need options or a trained model (words, sentencepiece) are
// the class Tokenizer of text_tokenizer.h, which also handles these two.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace attn::data {

enum class TokenizerKind {
  Word,           // split on white space
  Char,           // one token per Unicode code point; a space is a token
  Words,          // Unicode words and punctuation (ICU): text_tokenizer.h
  SentencePiece,  // subwords from a trained SentencePiece model: text_tokenizer.h
};

// "word" / "char" / "words" / "sentencepiece": the names stored in model files and typed on the
// command line.
std::string_view tokenizerName(TokenizerKind kind);
// Throws attn::Error listing the valid names.
TokenizerKind parseTokenizerKind(std::string_view name);

// For Word and Char only (the others need a Tokenizer: attn::Error).
// Both throw attn::Error on invalid UTF-8, naming the byte and the character.
// Word: white space is what Python's str.split() takes as white space (ASCII space, tab,
// newlines, plus Unicode spaces such as U+00A0 and U+3000), so a corpus prepared in Python
// tokenises the same here. Text is not normalised (no NFC, no lower-casing): "é" written as
// e + U+0301 is two char tokens, as it is for Python's list(str).
std::vector<std::string> tokenize(std::string_view text, TokenizerKind kind);

// Word: tokens joined by single spaces. Char: tokens concatenated.
std::string detokenize(const std::vector<std::string>& tokens, TokenizerKind kind);

// True for the code points the word tokenizer splits on.
bool isWhiteSpace(char32_t codePoint);

}  // namespace attn::data
