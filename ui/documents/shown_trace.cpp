#include "documents/shown_trace.h"

#include "documents/trace_math.h"
#include "explain/subword_merge.h"

namespace attn::ui {
namespace {

using explain::WordGrouping;

// Each of `count` rows a word of its own (the classifier's hops are not tokens).
WordGrouping hopRows(int count) {
  WordGrouping g;
  for (int i = 0; i < count; ++i) {
    g.wordOfToken.push_back(i);
    g.words.push_back(std::to_string(i));
  }
  return g;
}

std::vector<int> firstTokenOfEachWord(const WordGrouping& g) {
  std::vector<int> first(g.words.size(), -1);
  for (int t = 0; t < int(g.wordOfToken.size()); ++t)
    if (first[size_t(g.wordOfToken[size_t(t)])] < 0) first[size_t(g.wordOfToken[size_t(t)])] = t;
  return first;
}

// The step records of a word are those of its first piece: the choice that started the word.
// Pre-softmax scores are per source piece, which no longer match the merged keys: dropped.
void keepFirstPieceSteps(Trace& t, const WordGrouping& target) {
  const std::vector<int> first = firstTokenOfEachWord(target);
  std::vector<TraceStep> steps;
  std::vector<std::vector<float>> logProbs;
  for (int piece : first) {
    if (piece < int(t.steps.size())) {
      steps.push_back(t.steps[size_t(piece)]);
      steps.back().scores.clear();
    }
    if (piece < int(t.logProbs.size())) logProbs.push_back(t.logProbs[size_t(piece)]);
  }
  t.steps = std::move(steps);
  t.logProbs = std::move(logProbs);
}

bool mergeInPlace(Trace& t, const data::Tokenizer& tokenizer) {
  const WordGrouping source = explain::groupWords(t.sourceTokens, tokenizer);
  const WordGrouping target = explain::groupWords(t.targetTokens, tokenizer);
  if (source.wordCount() == int(t.sourceTokens.size()) &&
      target.wordCount() == int(t.targetTokens.size()))
    return false;  // no word of several pieces: the trace is already word-level
  for (auto& [kind, map] : t.attention) {
    switch (kind) {
      case MapKind::Cross:
        map = explain::mergeSubwords(map, target, source);
        break;
      case MapKind::EncoderSelf:
        map = explain::mergeSubwords(map, source, source);
        break;
      case MapKind::DecoderSelf:  // its keys are the decoder's inputs: <sos>, then the outputs
        map = explain::mergeSubwords(map, target,
                                     explain::groupWords(decoderInputTokens(t), tokenizer));
        break;
      case MapKind::Hops:
        map = explain::mergeSubwords(map, hopRows(map.queries), source);
        break;
    }
  }
  keepFirstPieceSteps(t, target);
  t.sourceTokens = source.words;
  if (!t.targetTokens.empty()) t.targetTokens = target.words;
  return true;
}

}  // namespace

ShownTrace shownTrace(const Trace& decoded, const data::Tokenizer* tokenizer,
                      const ShowOptions& options) {
  ShownTrace shown{decoded, {}, false};
  Trace& t = shown.trace;
  std::vector<UnknownReplacement> replacements;
  if (options.replaceUnknown) {
    const ReplacedOutput r = replaceUnknownTokens(decoded);
    for (const UnknownReplacement& u : r.replacements)
      t.targetTokens[size_t(u.target)] = r.tokens[size_t(u.target)];
    replacements = r.replacements;
  }
  std::vector<int> wordOfTarget(t.targetTokens.size());
  for (size_t i = 0; i < wordOfTarget.size(); ++i) wordOfTarget[i] = int(i);
  if (options.mergeSubwords && tokenizer) {
    wordOfTarget = explain::groupWords(t.targetTokens, *tokenizer).wordOfToken;
    shown.merged = mergeInPlace(t, *tokenizer);
    if (!shown.merged)
      for (size_t i = 0; i < wordOfTarget.size(); ++i) wordOfTarget[i] = int(i);
  }
  for (const UnknownReplacement& u : replacements)
    shown.replaced.push_back(
        {wordOfTarget[size_t(u.target)], decoded.sourceTokens[size_t(u.source)]});
  return shown;
}

}  // namespace attn::ui
