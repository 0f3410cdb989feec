#include "data/text_tokenizer.h"

#include <nlohmann/json.hpp>

#include "data/base64.h"
#include "data/icu_words.h"
#include "util/check.h"

namespace attn::data {

using nlohmann::json;

Tokenizer::Tokenizer(TokenizerKind kind, TokenizerOptions options)
    : kind_(kind), options_(options) {
  if (kind == TokenizerKind::SentencePiece)
    throw Error("the sentencepiece tokenizer needs a trained model");
}

Tokenizer Tokenizer::trainSentencePiece(const std::vector<std::string>& sentences,
                                        const SentencePieceOptions& options) {
  TokenizerOptions o;
  o.lowercase = options.lowercase;
  return fromSentencePiece(SentencePieceModel::train(sentences, options), o);
}

Tokenizer Tokenizer::fromSentencePiece(SentencePieceModel model, TokenizerOptions options) {
  Tokenizer t;
  t.kind_ = TokenizerKind::SentencePiece;
  t.options_ = options;
  t.sentencePiece_ = std::make_shared<const SentencePieceModel>(std::move(model));
  return t;
}

std::vector<std::string> Tokenizer::tokenize(std::string_view text) const {
  switch (kind_) {
    case TokenizerKind::Word:
    case TokenizerKind::Char:
      return data::tokenize(text, kind_);
    case TokenizerKind::Words:
      return segmentWords(text, WordsNormalization{options_.lowercase, options_.nfkc});
    case TokenizerKind::SentencePiece:
      return sentencePiece_->encode(text);
  }
  return {};
}

std::string Tokenizer::detokenize(const std::vector<std::string>& tokens) const {
  switch (kind_) {
    case TokenizerKind::Word:
    case TokenizerKind::Char:
      return data::detokenize(tokens, kind_);
    case TokenizerKind::Words:
      return joinWords(tokens, options_.spacing);
    case TokenizerKind::SentencePiece:
      return sentencePiece_->decode(tokens);
  }
  return {};
}

std::function<int64_t(std::string_view)> Tokenizer::counter() const {
  return [self = *this](std::string_view text) { return self.count(text); };
}

bool Tokenizer::startsWord(std::string_view token, std::string_view previous) const {
  switch (kind_) {
    case TokenizerKind::Char:
      return previous.empty() || previous == " ";
    case TokenizerKind::SentencePiece:
      return previous.empty() || token.substr(0, kWordStartMark.size()) == kWordStartMark;
    default:
      return true;
  }
}

void Tokenizer::writeMetadata(std::map<std::string, std::string>& metadata) const {
  metadata[kTokenizerKey] = std::string(name());
  metadata.erase(kTokenizerOptionsKey);
  metadata.erase(kSentencePieceModelKey);
  if (kind_ == TokenizerKind::Word || kind_ == TokenizerKind::Char) return;
  json o = {{"lowercase", options_.lowercase}};
  if (kind_ == TokenizerKind::Words) {
    o["nfkc"] = options_.nfkc;
    o["spacing"] = std::string(spacingName(options_.spacing));
  }
  metadata[kTokenizerOptionsKey] = o.dump();
  if (sentencePiece_) metadata[kSentencePieceModelKey] = encodeBase64(sentencePiece_->serialized());
}

Tokenizer Tokenizer::fromMetadata(const std::map<std::string, std::string>& metadata) {
  const auto kindIt = metadata.find(kTokenizerKey);
  if (kindIt == metadata.end()) throw Error("the metadata has no \"tokenizer\"");
  const TokenizerKind kind = parseTokenizerKind(kindIt->second);
  if (kind == TokenizerKind::Word || kind == TokenizerKind::Char) return Tokenizer(kind);
  TokenizerOptions options;
  if (const auto it = metadata.find(kTokenizerOptionsKey); it != metadata.end()) {
    const json o = json::parse(it->second, nullptr, /*allow_exceptions=*/false);
    if (!o.is_object())
      throw Error(std::string("the metadata's \"") + kTokenizerOptionsKey +
                  "\" is not a JSON object");
    const auto flag = [&](const char* key) {
      if (!o.contains(key)) return false;
      if (!o[key].is_boolean())
        throw Error(std::string("the metadata's \"") + kTokenizerOptionsKey + "\": \"" + key +
                    "\" must be true or false");
      return o[key].get<bool>();
    };
    options.lowercase = flag("lowercase");
    options.nfkc = flag("nfkc");
    if (o.contains("spacing")) {
      if (!o["spacing"].is_string())
        throw Error(std::string("the metadata's \"") + kTokenizerOptionsKey +
                    "\": \"spacing\" must be a string");
      options.spacing = parseSpacing(o["spacing"].get<std::string>());
    }
  }
  if (kind == TokenizerKind::Words) return Tokenizer(kind, options);
  const auto model = metadata.find(kSentencePieceModelKey);
  if (model == metadata.end())
    throw Error(std::string("the metadata has no \"") + kSentencePieceModelKey +
                "\", which a sentencepiece tokenizer needs");
  std::string bytes;
  try {
    bytes = decodeBase64(model->second);
  } catch (const Error& e) {
    throw Error(std::string("the metadata's \"") + kSentencePieceModelKey + "\": " + e.what());
  }
  return fromSentencePiece(SentencePieceModel::load(std::move(bytes)), options);
}

Tokenizer buildTokenizer(const TokenizerChoice& choice, const std::vector<Example>& train,
                         TaskKind kind) {
  const bool seq2seq = kind == TaskKind::Seq2Seq;
  TokenizerOptions options;
  options.lowercase = choice.lowercase;
  if (choice.kind == TokenizerKind::Words) {
    options.nfkc = choice.nfkc;
    std::vector<std::string> targets;
    if (seq2seq)
      for (const Example& e : train) targets.push_back(e.target);
    options.spacing = guessSpacing(targets);
  }
  if (choice.kind != TokenizerKind::SentencePiece) return Tokenizer(choice.kind, options);
  std::vector<std::string> text;
  text.reserve(train.size() * (seq2seq ? 2 : 1));
  for (const Example& e : train) {
    text.push_back(e.source);
    if (seq2seq) text.push_back(e.target);
  }
  SentencePieceOptions sp;
  sp.algorithm = choice.algorithm;
  sp.vocabSize = choice.vocabSize;
  sp.lowercase = choice.lowercase;
  return Tokenizer::trainSentencePiece(text, sp);
}

}  // namespace attn::data
