// What the Train form shows of a corpus before training on it: its first examples as the chosen
// columns split them, their tokens as the chosen tokenizer cuts them, and the counts a person
// needs to choose the settings (pairs, vocabulary sizes, the share of tokens that would be
// <unk>, the lengths). Every step is core's own (jobs::loadDataset, data::buildTokenizer,
// data::buildVocabularies, data::encodeExamples), so the preview reads the file exactly as
// training will. Runs on a worker thread (CorpusPreviewRunner); no widget here.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "data/vocabulary.h"
#include "jobs/data_source.h"

namespace attn::ui {

struct PreviewLine {
  std::string source, target;
  std::vector<std::string> sourceTokens, targetTokens;  // target: none for classification
};

struct CorpusPreview {
  std::vector<PreviewLine> lines;  // the first examples of the file, in file order
  int64_t pairs = 0;               // examples read, after --dedup
  int64_t duplicates = 0;
  int64_t sampled = 0;  // examples the counts below come from (the first ones of the file)
  int64_t sourceVocabulary = 0, targetVocabulary = 0;  // with the special tokens; labels
  // Of the held-out part of the sample, the share of tokens the vocabularies built from its
  // training part do not hold: what training reports as the validation's unknown share.
  double unknownShare = 0;
  int64_t longSources = 0, longTargets = 0;           // over the length bounds, in the sample
  std::vector<int64_t> sourceLengths, targetLengths;  // tokens per example, the sample's train part
  std::vector<std::string> warnings;                  // the reader's (a header line, empty sides)
};

struct PreviewRequest {
  jobs::TsvFile file;
  data::VocabularyOptions vocabulary;
  int lines = 8;
  // The counts read at most this many examples: tokenizing (and training a SentencePiece model
  // on) a whole large corpus would make the preview as slow as the training's start.
  int64_t sampleLimit = 10'000;
};

// Throws attn::Error for a file core cannot read (naming the file and line), as training would.
// `keepGoing` is asked between the stages; false returns an empty preview early.
CorpusPreview computeCorpusPreview(const PreviewRequest& request,
                                   const std::function<bool()>& keepGoing = {});

}  // namespace attn::ui
