#include "decode/text_input.h"

#include "models/model.h"
#include "util/check.h"

namespace attn::inline ATTN_PRECISION {

int64_t EncodedText::typedCount() const {
  return static_cast<int64_t>(tokens.size()) - (endsWithEos ? 1 : 0);
}

EncodedText encodeText(std::string_view text, data::TokenizerKind tokenizer,
                       const data::Vocabulary& vocabulary, bool appendEos, int64_t maxTokens,
                       const std::string& what) {
  EncodedText out;
  out.tokens = data::tokenize(text, tokenizer);
  if (out.tokens.empty()) throw Error(what + " is empty: there is nothing to decode");
  const int64_t n = static_cast<int64_t>(out.tokens.size());
  if (n > maxTokens)
    throw Error(what + " has " + std::to_string(n) + " tokens, more than the limit of " +
                std::to_string(maxTokens) + "; shorten it or raise the input token limit");
  out.ids.reserve(static_cast<size_t>(n + 1));
  for (size_t i = 0; i < out.tokens.size(); ++i) {
    // contains() rather than id() == kUnk: a typed "<unk>" is known, it just means <unk>.
    if (!vocabulary.contains(out.tokens[i])) out.unknown.push_back(static_cast<int>(i));
    out.ids.push_back(vocabulary.id(out.tokens[i]));
  }
  if (appendEos) {
    out.tokens.push_back(data::Vocabulary::specialTokens()[data::Vocabulary::kEos]);
    out.ids.push_back(data::Vocabulary::kEos);
    out.endsWithEos = true;
  }
  return out;
}

EncodedText encodeSourceText(const Model& model, std::string_view text, int64_t maxTokens) {
  return encodeText(text, model.tokenizer, model.srcVocab, !model.isClassifier(), maxTokens,
                    "the source sentence");
}

EncodedText encodeTargetText(const Model& model, std::string_view text, int64_t maxTokens) {
  if (model.isClassifier()) throw Error("a classifier has no target sentence to force");
  return encodeText(text, model.tokenizer, model.tgtVocab, true, maxTokens, "the target sentence");
}

TokenBatch singleRowBatch(const std::vector<int64_t>& ids) {
  TokenBatch b;
  b.batch = 1;
  b.length = static_cast<int64_t>(ids.size());
  b.ids = ids;
  b.lengths = {b.length};
  return b;
}

}  // namespace attn::inline ATTN_PRECISION
