// Teacher-forced inspection: what the model attends to while reading a given target, from one
// forward pass (the same arithmetic as training), laid out exactly as a greedy trace so the GUI
// and the CSV export treat both alike.
#include <algorithm>

#include "decode/decoder.h"
#include "decode/step_record.h"
#include "decode/text_input.h"
#include "decode/trace_assembly.h"
#include "tensor/ops.h"

namespace attn::inline ATTN_PRECISION {

namespace {

constexpr MapKind kEncoderSelf = MapKind::EncoderSelf;
constexpr MapKind kDecoderSelf = MapKind::DecoderSelf;

// Query row `t` of the forward pass' decoder maps (per layer [1, heads, T, keys]) as a step's
// MapRows. Decoder self-attention keeps only the t + 1 positions step t can see, as a step of
// incremental decoding reports it (the rest are exact zeros, or −∞ before the softmax).
MapRows forwardRows(const AttentionMaps& maps, int64_t t) {
  MapRows out;
  for (const auto& [name, layers] : maps) {
    if (name == kEncoderSelf || layers.empty()) continue;
    const Tensor& first = layers.front();
    ATTN_CHECK(first.rank() == 4 && first.dim(0) == 1 && t < first.dim(2),
               "forward maps are [1, heads, T, keys] per layer");
    const int64_t heads = first.dim(1), steps = first.dim(2), allKeys = first.dim(3);
    const int64_t keys = name == kDecoderSelf ? std::min(t + 1, allKeys) : allKeys;
    MapRow m;
    m.layers = static_cast<int>(layers.size());
    m.heads = static_cast<int>(heads);
    m.keys = static_cast<int>(keys);
    m.values.reserve(static_cast<size_t>(m.layers * heads * keys));
    for (const Tensor& layer : layers) {
      ATTN_CHECK(layer.shape() == first.shape(), "forward map layers differ in shape");
      for (int64_t h = 0; h < heads; ++h) {
        const Scalar* row = layer.data() + (h * steps + t) * allKeys;
        m.values.insert(m.values.end(), row, row + keys);
      }
    }
    out.emplace_back(name, std::move(m));
  }
  return out;
}

}  // namespace

DecodeResult inspectForced(const Model& model, std::string_view sourceText,
                           std::string_view targetText, const DecodeOptions& options) {
  validateDecodeOptions(options);
  const Seq2SeqModel& net = seq2seqOf(model, "teacher-forced inspection");
  const EncodedText source = encodeSourceText(model, sourceText, options.maxInputTokens);
  const EncodedText target = encodeTargetText(model, targetText, options.maxInputTokens);
  const int64_t steps = static_cast<int64_t>(target.ids.size());  // y1 … yn <eos>
  if (steps > net.maxTargetLength())
    throw Error("the target sentence is longer than this model can read (" +
                std::to_string(net.maxTargetLength() - 1) + " tokens at most)");

  // Decoder input <sos> y1 … yn, target y1 … yn <eos> (docs/file-formats.md, Vocabularies and
  // tokenizers).
  std::vector<int64_t> decoderInput{data::Vocabulary::kSos};
  decoderInput.insert(decoderInput.end(), target.ids.begin(), target.ids.end() - 1);
  NoGradGuard noGrad;
  const Seq2SeqForward f = net.forward(singleRowBatch(source.ids), singleRowBatch(decoderInput));
  const Tensor logProbs =
      logSoftmax(f.logits).value().reshaped(Shape{steps, f.logits.dim(-1)});  // [T, Vt]

  std::vector<StepRecord> records(static_cast<size_t>(steps));
  for (int64_t t = 0; t < steps; ++t) {
    StepRecord& r = records[static_cast<size_t>(t)];
    r.logProbs = tensorRow(logProbs, t);
    r.attention = forwardRows(f.attention, t);
    r.scores = forwardRows(f.scores, t);
  }
  AttentionMaps encoderAttention;
  if (auto it = f.attention.find(kEncoderSelf); it != f.attention.end())
    encoderAttention.insert(*it);

  TraceInputs in;
  in.model = &model.config;
  in.source = &source;
  in.targetTokens = target.tokens;
  for (const StepRecord& r : records) in.path.push_back(&r);
  in.encoderAttention = &encoderAttention;
  in.targetNames = &model.tgtVocab.toList();
  in.topK = options.topK;
  DecodeResult result =
      makeDecodeResult(model, assembleTrace(in), target.ids, source, options.lengthPenalty);
  // The sentence as typed, unknown words included (the ids would read them back as <unk>).
  std::vector<std::string> typed(target.tokens.begin(), target.tokens.end() - 1);
  result.output = data::detokenize(typed, model.tokenizer);
  result.unknownTarget = target.unknown;
  return result;
}

}  // namespace attn::inline ATTN_PRECISION
