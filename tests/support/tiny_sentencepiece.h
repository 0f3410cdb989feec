// A SentencePiece tokenizer trained on one repeated sentence, for tests that group hand-written
// pieces into words: SentencePiece decides word starts by the "▁" mark alone, so a tiny model is
// enough. Trained once per process.
#pragma once

#include <string>
#include <vector>

#include "data/text_tokenizer.h"

namespace attn::test {

inline const data::Tokenizer& tinySentencePiece() {
  static const data::Tokenizer t = [] {
    std::vector<std::string> s;
    for (int i = 0; i < 50; ++i) s.push_back("the translation of the cat is le chat");
    data::SentencePieceOptions o;
    o.vocabSize = 40;
    return data::Tokenizer::trainSentencePiece(s, o);
  }();
  return t;
}

}  // namespace attn::test
