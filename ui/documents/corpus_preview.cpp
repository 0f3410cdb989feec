#include "documents/corpus_preview.h"

#include <algorithm>

#include "data/encoding.h"
#include "data/split.h"

namespace attn::ui {
namespace {

std::vector<data::Example> inFileOrder(const data::Dataset& d) {
  std::vector<data::Example> all = d.train;
  all.insert(all.end(), d.validation.begin(), d.validation.end());
  all.insert(all.end(), d.test.begin(), d.test.end());
  return all;
}

std::vector<int64_t> tokenLengths(const std::vector<data::Example>& examples,
                                  const data::Tokenizer& tokenizer, bool targets) {
  std::vector<int64_t> out;
  out.reserve(examples.size());
  for (const data::Example& e : examples)
    out.push_back(tokenizer.count(targets ? e.target : e.source));
  return out;
}

}  // namespace

CorpusPreview computeCorpusPreview(const PreviewRequest& request,
                                   const std::function<bool()>& keepGoing) {
  const auto going = [&] { return !keepGoing || keepGoing(); };
  // Read in file order (no shuffle), so that the first lines shown are the file's first lines;
  // the sample is split below with the form's own split options.
  jobs::TsvFile ordered = request.file;
  ordered.split.shuffle = false;
  data::FilterReport duplicates;
  const data::Dataset read = jobs::loadDataset(ordered, {}, &duplicates);
  CorpusPreview p;
  p.warnings = read.warnings;
  p.duplicates = duplicates.duplicates;
  std::vector<data::Example> all = inFileOrder(read);
  p.pairs = static_cast<int64_t>(all.size());
  if (!going()) return {};

  const auto sampleSize = std::min<int64_t>(p.pairs, request.sampleLimit);
  all.resize(static_cast<size_t>(sampleSize));
  p.sampled = sampleSize;
  data::Dataset sample;
  sample.name = read.name;
  sample.kind = read.kind;
  sample.tokenizer = read.tokenizer;
  data::SplitExamples parts = data::splitExamples(all, request.file.split);
  sample.train = std::move(parts.train);
  sample.validation = std::move(parts.validation);
  if (sample.train.empty()) sample.train = all;  // a tiny file: count on what there is

  const data::Tokenizer tokenizer =
      data::buildTokenizer(request.file.tokenizerChoice(), sample.train, sample.kind);
  if (!going()) return {};
  const bool seq2seq = sample.kind == data::TaskKind::Seq2Seq;
  const int shown = std::min<int>(request.lines, static_cast<int>(all.size()));
  for (int i = 0; i < shown; ++i) {
    const data::Example& e = all[static_cast<size_t>(i)];
    PreviewLine line{e.source, e.target, tokenizer.tokenize(e.source), {}};
    if (seq2seq) line.targetTokens = tokenizer.tokenize(e.target);
    p.lines.push_back(std::move(line));
  }
  const data::FilterReport bounded = jobs::applyLengthFilter(sample, request.file, tokenizer);
  p.longSources = bounded.sourceTooLong;
  p.longTargets = bounded.targetTooLong;
  if (sample.train.empty()) return p;  // the bounds leave nothing: the counts say so
  const data::Vocabularies vocabs =
      data::buildVocabularies(sample, tokenizer, request.vocabulary, request.vocabulary);
  p.sourceVocabulary = vocabs.source.size();
  p.targetVocabulary = seq2seq ? vocabs.target.size() : vocabs.labels.size();
  const data::EncodedSplit held = data::encodeExamples(
      sample.validation.empty() ? sample.train : sample.validation, vocabs, {}, "validation");
  p.unknownShare = held.unknownShare();
  p.sourceLengths = tokenLengths(sample.train, tokenizer, false);
  if (seq2seq) p.targetLengths = tokenLengths(sample.train, tokenizer, true);
  return p;
}

}  // namespace attn::ui
