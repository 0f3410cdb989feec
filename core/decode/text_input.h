// A sentence typed by a user, as a model reads it (docs/file-formats.md, Vocabularies and
// tokenizers): cut by the model's tokenizer, looked up in its vocabulary (a token it does not know
// becomes <unk>, and its position is kept so the GUI can mark it), with the final <eos> of a
// seq2seq sequence. Tokens are kept as typed, not replaced by "<unk>": the heatmap labels what the
// user wrote.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "data/tokenizer.h"
#include "data/vocabulary.h"
#include "models/token_batch.h"
#include "tensor/precision.h"

namespace attn::inline ATTN_PRECISION {

struct Model;

struct EncodedText {
  std::vector<std::string> tokens;  // as typed, then "<eos>" when one was appended
  std::vector<int64_t> ids;         // one per token: the vocabulary's id, <unk> when unknown
  std::vector<int> unknown;         // positions in `tokens` the vocabulary does not hold
  bool endsWithEos = false;
  int64_t typedCount() const;  // tokens before the appended <eos>
};

// Throws attn::Error for invalid UTF-8, an empty sentence, or more than maxTokens tokens
// (`what` names the sentence in messages: "the source").
EncodedText encodeText(std::string_view text, data::TokenizerKind tokenizer,
                       const data::Vocabulary& vocabulary, bool appendEos, int64_t maxTokens,
                       const std::string& what);

// The model's source: with <eos> for an encoder-decoder, without for the classifier (§2.3).
EncodedText encodeSourceText(const Model& model, std::string_view text, int64_t maxTokens);
// A forced target, in the target vocabulary, with <eos>.
EncodedText encodeTargetText(const Model& model, std::string_view text, int64_t maxTokens);

// One sentence as a batch of one row.
TokenBatch singleRowBatch(const std::vector<int64_t>& ids);

}  // namespace attn::inline ATTN_PRECISION
