#include "cli/beam_metrics.h"

#include "cli/command.h"
#include "cli/interrupt.h"
#include "decode/decoder.h"

namespace attn::app {

void beamSearchMetrics(const Model& model, const std::vector<data::Example>& examples,
                       const data::EncodedSplit& encoded, int beamWidth, int64_t maxExamples,
                       Metrics& metrics) {
  InterruptScope interrupt;
  DecodeOptions options;
  options.beamWidth = beamWidth;
  options.topK = 0;                  // no trace extras: only the output is scored
  options.maxInputTokens = 1 << 20;  // the data decides, not the interactive limit
  options.progress = [&interrupt](int64_t, int64_t) { return !interrupt.requested(); };
  std::vector<TokenIds> hypotheses, references;
  for (const data::EncodedExample& e : encoded.examples) {
    if (maxExamples > 0 && static_cast<int64_t>(references.size()) >= maxExamples) break;
    DecodeResult r;
    try {
      r = decodeBeam(model, examples.at(static_cast<size_t>(e.index)).source, options);
    } catch (const DecodeCancelled&) {
      throw Cancelled();
    }
    TokenIds ids = r.outputIds;
    if (!ids.empty() && ids.back() == data::Vocabulary::kEos) ids.pop_back();
    hypotheses.push_back(std::move(ids));
    references.push_back(e.target);
  }
  if (hypotheses.empty()) return;
  metrics.exactMatch = exactMatch(hypotheses, references);
  metrics.bleu = corpusBleu(hypotheses, references);
}

}  // namespace attn::app
