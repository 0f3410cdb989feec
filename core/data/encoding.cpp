#include "data/encoding.h"

#include <string>

#include "util/check.h"

namespace attn::data {

Vocabularies buildVocabularies(const Dataset& data, const VocabularyOptions& source,
                               const VocabularyOptions& target) {
  return buildVocabularies(data, Tokenizer(data.tokenizer), source, target);
}

Vocabularies buildVocabularies(const Dataset& data, const Tokenizer& tokenizer,
                               const VocabularyOptions& source, const VocabularyOptions& target) {
  Vocabularies v;
  v.kind = data.kind;
  v.tokenizer = tokenizer;
  const bool seq2seq = data.kind == TaskKind::Seq2Seq;
  if (const SentencePieceModel* pieces = tokenizer.sentencePiece()) {
    // Every piece once, in the model's order (the counts only order the tokens).
    TokenCounts all;
    const std::vector<std::string> list = pieces->pieces();
    for (size_t i = 0; i < list.size(); ++i) all[list[i]] = int64_t(list.size() - i);
    v.source = Vocabulary::fromCounts(all);
    if (seq2seq) v.target = v.source;
  } else {
    TokenCounts sourceCounts, targetCounts;
    for (const Example& e : data.train) {
      countTokens(tokenizer.tokenize(e.source), sourceCounts);
      if (seq2seq) countTokens(tokenizer.tokenize(e.target), targetCounts);
    }
    v.source = Vocabulary::fromCounts(sourceCounts, source);
    if (seq2seq) v.target = Vocabulary::fromCounts(targetCounts, target);
  }
  if (!seq2seq) {
    std::vector<std::string> labels;
    for (Split s : {Split::Train, Split::Validation, Split::Test})
      for (const Example& e : data.split(s)) labels.push_back(e.target);
    v.labels = LabelVocabulary::build(labels);
  }
  return v;
}

namespace {

std::string describeExample(std::string_view splitLabel, size_t i) {
  return std::string(splitLabel) + " example " + std::to_string(i + 1);
}

}  // namespace

EncodedSplit encodeExamples(const std::vector<Example>& examples, const Vocabularies& vocabs,
                            const LengthLimits& limits, std::string_view splitLabel) {
  if (limits.maxSource < 0 || limits.maxTarget < 0)
    throw Error("length limits must be positive (or 0 for no limit)");
  const bool seq2seq = vocabs.kind == TaskKind::Seq2Seq;
  if (seq2seq && (limits.maxSource == 1 || limits.maxTarget == 1))
    throw Error("a seq2seq length limit counts the <eos>, so it must be at least 2");
  EncodedSplit out;
  out.kind = vocabs.kind;
  out.examples.reserve(examples.size());
  for (size_t i = 0; i < examples.size(); ++i) {
    const Example& e = examples[i];
    EncodedExample enc;
    enc.index = static_cast<int64_t>(i);
    int64_t tokens = 0, unknown = 0;
    // contains() rather than id() == kUnk: a "<unk>" written in the text is known, it is <unk>.
    const auto encode = [&](const std::vector<std::string>& cut, const Vocabulary& vocabulary) {
      tokens += static_cast<int64_t>(cut.size());
      for (const std::string& t : cut) unknown += vocabulary.contains(t) ? 0 : 1;
      return vocabulary.encode(cut);
    };
    try {
      enc.source = encode(vocabs.tokenizer.tokenize(e.source), vocabs.source);
      if (enc.source.empty()) throw Error("the source has no token");
      if (seq2seq) {
        enc.source.push_back(Vocabulary::kEos);
        const std::vector<std::string> target = vocabs.tokenizer.tokenize(e.target);
        enc.target = encode(target, vocabs.target);
        enc.reference = vocabs.tokenizer.detokenize(target);
      } else {
        enc.label = vocabs.labels.id(e.target);
      }
    } catch (const Error& err) {
      throw Error(describeExample(splitLabel, i) + ": " + err.what());
    }
    // Lengths as the model sees them: the target gets its <eos> in batching.
    const auto sourceLen = static_cast<int64_t>(enc.source.size());
    const auto targetLen = static_cast<int64_t>(enc.target.size()) + (seq2seq ? 1 : 0);
    const bool sourceTooLong = limits.maxSource > 0 && sourceLen > limits.maxSource;
    const bool targetTooLong = seq2seq && limits.maxTarget > 0 && targetLen > limits.maxTarget;
    if (sourceTooLong || targetTooLong) {
      if (limits.onTooLong == TooLong::Error) {
        throw Error(describeExample(splitLabel, i) + ": the " +
                    (sourceTooLong
                         ? "source has " + std::to_string(sourceLen) +
                               " tokens, more than the limit of " + std::to_string(limits.maxSource)
                         : "target has " + std::to_string(targetLen) +
                               " tokens, more than the limit of " +
                               std::to_string(limits.maxTarget)) +
                    (seq2seq ? " (counting <eos>)" : "") +
                    "; raise the limit, or truncate or skip long examples");
      }
      if (limits.onTooLong == TooLong::Skip) {
        ++out.skipped;
        continue;
      }
      if (sourceTooLong) {
        enc.source.resize(static_cast<size_t>(limits.maxSource));
        if (seq2seq) enc.source.back() = Vocabulary::kEos;
      }
      if (targetTooLong) enc.target.resize(static_cast<size_t>(limits.maxTarget - 1));
      enc.truncated = true;
      ++out.truncated;
    }
    out.tokens += tokens;
    out.unknownTokens += unknown;
    out.examples.push_back(std::move(enc));
  }
  return out;
}

std::vector<int64_t> encodeSource(std::string_view text, const Vocabularies& vocabs) {
  std::vector<int64_t> ids = vocabs.source.encode(vocabs.tokenizer.tokenize(text));
  if (ids.empty()) throw Error("the sentence has no token");
  if (vocabs.kind == TaskKind::Seq2Seq) ids.push_back(Vocabulary::kEos);
  return ids;
}

}  // namespace attn::data
