// Greedy decoding with the full trace. The per-step cost is the model's step() plus copying out
// one row of what it reports (the log-prob row, the attention rows): no trace is rebuilt or
// copied while decoding, and the trace is assembled once at the end. The loop (runGreedy) also
// serves decoding with an intervention, through its per-step hooks.
#include <algorithm>

#include "decode/decoder.h"
#include "decode/greedy_loop.h"
#include "decode/step_record.h"
#include "decode/text_input.h"
#include "decode/trace_assembly.h"

namespace attn::inline ATTN_PRECISION {

namespace {

// The first maximum of a row of the step's log-probs, read from the model's own values.
int64_t argmaxRow(const Tensor& logProbs, int64_t row) {
  const int64_t v = logProbs.dim(1);
  const Scalar* p = logProbs.data() + row * v;
  return static_cast<int64_t>(std::max_element(p, p + v) - p);
}

}  // namespace

DecodeResult runGreedy(const Model& model, const Seq2SeqModel& net, const EncodedText& source,
                       DecoderState& state, int64_t maxSteps, const DecodeOptions& options,
                       const GreedyHooks& hooks) {
  const AttentionMaps encoderAttention = state.encoderAttention();
  std::vector<StepRecord> records;
  std::vector<int64_t> outputIds;
  records.reserve(static_cast<size_t>(std::min<int64_t>(maxSteps, 256)));
  outputIds.reserve(records.capacity());
  std::vector<int64_t> token{data::Vocabulary::kSos};
  for (int64_t step = 0; step < maxSteps; ++step) {
    reportDecodeProgress(options, step, maxSteps);
    state.edits = hooks.editsAt ? hooks.editsAt(step) : nullptr;
    const DecoderStepOutput out = net.step(state, token);
    state.edits = nullptr;
    const int64_t forced = hooks.forcedAt ? hooks.forcedAt(step) : -1;
    token[0] = forced >= 0 ? forced : argmaxRow(out.logProbs, 0);
    records.push_back(recordStep(out, 0));
    outputIds.push_back(token[0]);
    if (token[0] == data::Vocabulary::kEos) break;
  }

  TraceInputs in;
  in.model = &model.config;
  in.source = &source;
  in.targetTokens = model.tgtVocab.decode(outputIds);
  in.path.reserve(records.size());
  for (const StepRecord& r : records) in.path.push_back(&r);
  in.encoderAttention = &encoderAttention;
  in.targetNames = &model.tgtVocab.toList();
  in.topK = options.topK;
  return makeDecodeResult(model, assembleTrace(in), std::move(outputIds), source,
                          options.lengthPenalty);
}

DecodeResult decodeGreedy(const Model& model, std::string_view sentence,
                          const DecodeOptions& options) {
  validateDecodeOptions(options);
  const Seq2SeqModel& net = seq2seqOf(model, "greedy decoding");
  const EncodedText source = encodeSourceText(model, sentence, options.maxInputTokens);
  const int64_t maxSteps = resolveMaxSteps(net, options, source.typedCount());
  std::unique_ptr<DecoderState> state = net.encode(singleRowBatch(source.ids));
  return runGreedy(model, net, source, *state, maxSteps, options);
}

}  // namespace attn::inline ATTN_PRECISION
