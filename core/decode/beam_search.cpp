// Beam search with the full trace of its best hypothesis and the tree of all the others.
//
// The rules (fairseq's, which the course's examples follow):
// - The hypotheses are the rows of one DecoderState: the source is encoded once, and
//   selectRows() expands its single row to the beam after the first step and reorders the rows
//   at every step after that.
// - Each step extends every live hypothesis by every token. Candidates rank by cumulative
//   log-prob: the live hypotheses all have the same length, so that is also their order under
//   length normalisation. Ties go to the lower (row, token), so width 1 is greedy search.
// - A candidate ending in <eos> that ranks among the best `width` is set aside as finished; the
//   best `width` candidates that do not end in <eos> form the next beam.
// - The search stops when `width` hypotheses have finished, or at the step limit. The output is
//   the finished hypothesis with the best log p / length^α; at the step limit the unfinished
//   ones compete too, so a model that never says <eos> still gives an output.
//
// Each hypothesis keeps the record of the step that chose its last token, linked to its
// parent's, so the returned path's attention is gathered from what the beam computed; records
// of abandoned hypotheses are freed at once.
#include <algorithm>

#include "decode/decoder.h"
#include "decode/step_record.h"
#include "decode/text_input.h"
#include "decode/top_k.h"
#include "decode/trace_assembly.h"

namespace attn::inline ATTN_PRECISION {

namespace {

struct Hypothesis {
  int node = -1;  // its BeamNode id; -1 for the root, <sos>
  int64_t token = data::Vocabulary::kSos;
  double logProb = 0;                        // cumulative
  int64_t length = 0;                        // tokens generated, <eos> included
  std::shared_ptr<const StepRecord> record;  // the step that chose `token`
};

const Hypothesis& bestOf(const std::vector<const Hypothesis*>& pool, double alpha) {
  const Hypothesis* best = pool.front();
  double bestScore = normalisedScore(best->logProb, best->length, alpha);
  for (const Hypothesis* h : pool) {
    const double s = normalisedScore(h->logProb, h->length, alpha);
    if (s > bestScore) best = h, bestScore = s;  // strict: the earlier one wins a tie
  }
  return *best;
}

}  // namespace

DecodeResult decodeBeam(const Model& model, std::string_view sentence,
                        const DecodeOptions& options) {
  validateDecodeOptions(options);
  const Seq2SeqModel& net = seq2seqOf(model, "beam search");
  const EncodedText source = encodeSourceText(model, sentence, options.maxInputTokens);
  const int64_t maxSteps = resolveMaxSteps(net, options, source.typedCount());
  const size_t width = static_cast<size_t>(options.beamWidth);
  constexpr int64_t kEos = data::Vocabulary::kEos;

  std::unique_ptr<DecoderState> state = net.encode(singleRowBatch(source.ids));
  const AttentionMaps encoderAttention = state->encoderAttention();
  std::vector<BeamNode> nodes;
  std::vector<int64_t> nodeTokens;  // nodes[i]'s token id
  std::vector<Hypothesis> live(1), finished;
  bool enoughFinished = false;
  std::vector<int64_t> tokens, parents;
  for (int64_t step = 0; step < maxSteps; ++step) {
    reportDecodeProgress(options, step, maxSteps);
    tokens.clear();
    for (const Hypothesis& h : live) tokens.push_back(h.token);
    const DecoderStepOutput out = net.step(*state, tokens);
    const int64_t vocab = out.logProbs.dim(1);
    const Scalar* lp = out.logProbs.data();
    const int64_t rows = static_cast<int64_t>(live.size());
    // A row has one <eos> candidate, so the best 2·width hold width that do not end there.
    const std::vector<int64_t> ranked =
        topIndices(rows * vocab, static_cast<int64_t>(2 * width), [&](int64_t i) {
          return live[static_cast<size_t>(i / vocab)].logProb + static_cast<double>(lp[i]);
        });
    std::vector<std::shared_ptr<const StepRecord>> rowRecords(static_cast<size_t>(rows));
    std::vector<Hypothesis> next;
    parents.clear();
    for (size_t rank = 0; rank < ranked.size(); ++rank) {
      if (next.size() >= width && rank >= width) break;
      const int64_t row = ranked[rank] / vocab, token = ranked[rank] % vocab;
      const bool eos = token == kEos;
      if (eos ? rank >= width : next.size() >= width) continue;
      const Hypothesis& parent = live[static_cast<size_t>(row)];
      std::shared_ptr<const StepRecord>& record = rowRecords[static_cast<size_t>(row)];
      if (!record) {  // copied out only for rows that have a surviving child
        auto r = std::make_shared<StepRecord>(recordStep(out, row));
        r->previous = parent.record;
        record = std::move(r);
      }
      Hypothesis h;
      h.node = static_cast<int>(nodes.size());
      h.token = token;
      h.logProb = parent.logProb + static_cast<double>(lp[ranked[rank]]);
      h.length = parent.length + 1;
      h.record = record;
      BeamNode node;
      node.id = h.node;
      node.parent = parent.node;
      node.step = static_cast<int>(step);
      node.token = model.tgtVocab.token(token);
      node.logProb = static_cast<float>(lp[ranked[rank]]);
      node.score = static_cast<float>(h.logProb);
      node.finished = eos;
      nodes.push_back(std::move(node));
      nodeTokens.push_back(token);
      if (eos) {
        finished.push_back(std::move(h));
      } else {
        next.push_back(std::move(h));
        parents.push_back(row);
      }
    }
    if (finished.size() >= width) {
      enoughFinished = true;
      break;
    }
    live = std::move(next);
    if (step + 1 < maxSteps) state->selectRows(parents);
  }

  std::vector<const Hypothesis*> pool;
  for (const Hypothesis& h : finished) pool.push_back(&h);
  if (!enoughFinished)
    for (const Hypothesis& h : live) pool.push_back(&h);
  ATTN_CHECK(!pool.empty(), "beam search ended with no hypothesis");
  const Hypothesis& best = bestOf(pool, options.lengthPenalty);

  std::vector<int64_t> outputIds;
  for (int id = best.node; id >= 0; id = nodes[static_cast<size_t>(id)].parent) {
    nodes[static_cast<size_t>(id)].chosen = true;
    outputIds.push_back(nodeTokens[static_cast<size_t>(id)]);
  }
  std::reverse(outputIds.begin(), outputIds.end());

  TraceInputs in;
  in.model = &model.config;
  in.source = &source;
  in.targetTokens = model.tgtVocab.decode(outputIds);
  in.path = pathTo(best.record.get());
  in.encoderAttention = &encoderAttention;
  in.targetNames = &model.tgtVocab.toList();
  in.topK = options.topK;
  Trace trace = assembleTrace(in);
  trace.beam = std::move(nodes);
  trace.beamWidth = options.beamWidth;
  trace.beamLengthPenalty = options.lengthPenalty;
  return makeDecodeResult(model, std::move(trace), std::move(outputIds), source,
                          options.lengthPenalty);
}

}  // namespace attn::inline ATTN_PRECISION
