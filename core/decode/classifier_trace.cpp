// The classifier's trace (structured self-attention, docs/file-formats.md,
// structured_self_attention): one forward pass, its r hops over the tokens as the map "hops" [1
// layer][r heads][1 query][n keys], and the class distribution as the one output step. Written
// against the ClassifierModel interface, so it serves whichever implementation core/models
// provides.
#include <algorithm>

#include "decode/decoder.h"
#include "decode/step_record.h"
#include "decode/text_input.h"
#include "decode/trace_assembly.h"
#include "models/classifier_model.h"
#include "tensor/ops.h"

namespace attn::inline ATTN_PRECISION {

namespace {

constexpr MapKind kHops = MapKind::Hops;

// [1, r, n] -> one step's row of the map: one layer, r heads, n keys.
MapRow hopsRow(const Tensor& hops) {
  ATTN_CHECK(hops.rank() == 3 && hops.dim(0) == 1, "hops are [1, r, n] for one sentence");
  MapRow m;
  m.layers = 1;
  m.heads = static_cast<int>(hops.dim(1));
  m.keys = static_cast<int>(hops.dim(2));
  m.values.assign(hops.data(), hops.data() + hops.numel());
  return m;
}

}  // namespace

DecodeResult classifyWithTrace(const Model& model, std::string_view sentence,
                               const DecodeOptions& options) {
  validateDecodeOptions(options);
  if (!model.isClassifier())
    throw Error(
        std::string("classification needs a structured_self_attention model; this one is ") +
        archName(model.arch) + " (use greedy or beam decoding)");
  const auto* net = dynamic_cast<const ClassifierModel*>(model.classifier.get());
  if (!net) throw Error("this build has no structured_self_attention classifier to run");
  const EncodedText source = encodeSourceText(model, sentence, options.maxInputTokens);

  NoGradGuard noGrad;
  const ClassifierForward f = net->forward(singleRowBatch(source.ids));
  StepRecord record;
  record.logProbs = tensorRow(logSoftmax(f.logits).value(), 0);
  record.attention.emplace_back(kHops, hopsRow(f.hops.value()));
  if (f.scores.defined()) record.scores.emplace_back(kHops, hopsRow(f.scores.value()));

  const std::vector<std::string>& classes = model.classes.toList();
  ATTN_CHECK(record.logProbs.size() == classes.size(), "one logit per class");
  const int64_t predicted =
      std::max_element(record.logProbs.begin(), record.logProbs.end()) - record.logProbs.begin();

  TraceInputs in;
  in.model = &model.config;
  in.source = &source;
  in.targetTokens = {classes[static_cast<size_t>(predicted)]};
  in.path = {&record};
  in.targetNames = &classes;
  in.topK = options.topK;
  DecodeResult r;
  r.trace = assembleTrace(in);
  r.output = classes[static_cast<size_t>(predicted)];
  r.outputIds = {predicted};
  r.unknownSource = source.unknown;
  r.finished = true;
  r.logProb = record.logProbs[static_cast<size_t>(predicted)];
  r.score = r.logProb;
  return r;
}

}  // namespace attn::inline ATTN_PRECISION
