#include "decoding.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "data/tokenizer.h"
#include "data/vocabulary.h"
#include "models/model.h"
#include "tensor/var.h"
#include "trace/trace.h"
#include "util/check.h"

namespace attn::ui {
namespace {

using data::Vocabulary;

// What one decoder step computed for one hypothesis. Maps are kept per layer as heads × keys.
struct StepRecord {
  struct Maps {
    int heads = 1;
    std::vector<std::vector<float>> layers;  // each heads × keys, row-major
  };
  std::map<std::string, Maps> attention, scores;
  std::vector<float> logProbs;
  std::vector<float> query, context;
};

std::vector<float> rowOf(const Tensor& t, int64_t row, int64_t rows) {
  if (!t.defined() || t.numel() == 0 || rows <= 0) return {};
  const int64_t per = t.numel() / rows;
  const Scalar* begin = t.data() + row * per;
  return std::vector<float>(begin, begin + per);
}

void recordMaps(const AttentionMaps& maps, int64_t row, int64_t rows,
                std::map<std::string, StepRecord::Maps>& into) {
  for (const auto& [name, layers] : maps) {
    StepRecord::Maps& m = into[name];
    for (const Tensor& t : layers) {
      m.heads = t.rank() >= 3 ? int(t.dim(1)) : 1;
      m.layers.push_back(rowOf(t, row, rows));
    }
  }
}

StepRecord record(const DecoderStepOutput& out, int64_t row) {
  const int64_t rows = out.logProbs.rows();
  StepRecord r;
  r.logProbs = rowOf(out.logProbs, row, rows);
  recordMaps(out.attention, row, rows, r.attention);
  recordMaps(out.scores, row, rows, r.scores);
  r.query = rowOf(out.query, row, rows);
  r.context = rowOf(out.context, row, rows);
  return r;
}

int64_t argmax(const std::vector<float>& v) {
  return std::max_element(v.begin(), v.end()) - v.begin();
}

std::vector<TopToken> topTokens(const std::vector<float>& logProbs, const Vocabulary& vocab,
                                int k) {
  std::vector<int64_t> order(logProbs.size());
  std::iota(order.begin(), order.end(), 0);
  const size_t n = std::min<size_t>(size_t(std::max(k, 0)), order.size());
  std::partial_sort(order.begin(), order.begin() + long(n), order.end(), [&](int64_t a, int64_t b) {
    return logProbs[size_t(a)] > logProbs[size_t(b)];
  });
  std::vector<TopToken> top;
  for (size_t i = 0; i < n; ++i)
    top.push_back({vocab.token(order[i]), std::exp(logProbs[size_t(order[i])])});
  return top;
}

// The decoder run along one path: the argmax (forced == nullptr) or the given ids.
struct Walk {
  std::vector<int64_t> ids;  // the output, <eos> included when produced
  std::vector<StepRecord> steps;
  AttentionMaps encoderAttention;
};

Walk walk(const Seq2SeqModel& net, const TokenBatch& src, const std::vector<int64_t>* forced,
          int maxLength) {
  NoGradGuard noGrad;
  Walk w;
  auto state = net.encode(src);
  w.encoderAttention = state->encoderAttention();
  int64_t previous = Vocabulary::kSos;
  const int length = forced ? int(forced->size()) : maxLength;
  for (int i = 0; i < length; ++i) {
    const DecoderStepOutput out = net.step(*state, {previous});
    StepRecord rec = record(out, 0);
    const int64_t next = forced ? (*forced)[size_t(i)] : argmax(rec.logProbs);
    w.ids.push_back(next);
    w.steps.push_back(std::move(rec));
    if (next == Vocabulary::kEos) break;
    previous = next;
  }
  return w;
}

// Beam search: `width` hypotheses, each extended by its `width` best tokens, the best `width` of
// all kept; a hypothesis ending in <eos> is finished. Scores are summed log-probabilities.
std::vector<int64_t> beamSearch(const Seq2SeqModel& net, const TokenBatch& src, int width,
                                int maxLength, const Vocabulary& vocab,
                                std::vector<BeamNode>& tree) {
  NoGradGuard noGrad;
  struct Hyp {
    std::vector<int64_t> ids;
    float score = 0;
    int node = -1;
  };
  auto state = net.encode(src);
  std::vector<Hyp> alive{Hyp{}};
  std::vector<Hyp> finished;
  for (int step = 0; step < maxLength && !alive.empty(); ++step) {
    std::vector<int64_t> tokens;
    for (const Hyp& h : alive) tokens.push_back(h.ids.empty() ? Vocabulary::kSos : h.ids.back());
    const DecoderStepOutput out = net.step(*state, tokens);
    const int64_t v = out.logProbs.cols();
    struct Candidate {
      int parent;
      int64_t token;
      float logProb, score;
    };
    std::vector<Candidate> candidates;
    for (int p = 0; p < int(alive.size()); ++p) {
      const Scalar* row = out.logProbs.data() + p * v;
      std::vector<int64_t> order(static_cast<size_t>(v));
      std::iota(order.begin(), order.end(), 0);
      const long k = std::min<long>(width, long(v));
      std::partial_sort(order.begin(), order.begin() + k, order.end(),
                        [&](int64_t a, int64_t b) { return row[a] > row[b]; });
      for (long i = 0; i < k; ++i) {
        const float lp = float(row[order[size_t(i)]]);
        candidates.push_back({p, order[size_t(i)], lp, alive[size_t(p)].score + lp});
      }
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    std::vector<Hyp> next;
    std::vector<int64_t> rows;
    for (const Candidate& c : candidates) {
      if (int(next.size()) + int(finished.size()) >= width) break;
      const Hyp& parent = alive[size_t(c.parent)];
      BeamNode node;
      node.id = int(tree.size());
      node.parent = parent.node;
      node.step = step;
      node.token = vocab.token(c.token);
      node.logProb = c.logProb;
      node.score = c.score;
      node.finished = c.token == Vocabulary::kEos;
      tree.push_back(node);
      Hyp h{parent.ids, c.score, node.id};
      h.ids.push_back(c.token);
      if (node.finished) {
        finished.push_back(std::move(h));
      } else {
        next.push_back(std::move(h));
        rows.push_back(c.parent);
      }
    }
    if (!next.empty()) state->selectRows(rows);
    alive = std::move(next);
  }
  // The best finished hypothesis by log-probability per token (a plain sum would favour stopping
  // early); if none finished within maxLength, the best one still running.
  const std::vector<Hyp>& pool = finished.empty() ? alive : finished;
  ATTN_CHECK(!pool.empty(), "beam search kept no hypothesis");
  auto perToken = [](const Hyp& h) { return h.score / float(std::max<size_t>(h.ids.size(), 1)); };
  const Hyp& best = *std::max_element(pool.begin(), pool.end(), [&](const Hyp& a, const Hyp& b) {
    return perToken(a) < perToken(b);
  });
  for (int id = best.node; id >= 0; id = tree[size_t(id)].parent) tree[size_t(id)].chosen = true;
  return best.ids;
}

// Stacks the per-step records of one map into [layer][head][step][key]; a step with fewer keys
// (the decoder's self-attention grows by one key per step) is padded with zeros.
AttentionMap stack(const std::vector<StepRecord>& steps, const std::string& name, bool scores) {
  int layers = 0, heads = 1, keys = 0;
  for (const StepRecord& s : steps) {
    const auto& maps = scores ? s.scores : s.attention;
    auto it = maps.find(name);
    if (it == maps.end()) continue;
    layers = std::max(layers, int(it->second.layers.size()));
    heads = it->second.heads;
    for (const auto& l : it->second.layers) keys = std::max(keys, int(l.size()) / heads);
  }
  AttentionMap map(layers, heads, int(steps.size()), keys);
  std::fill(map.values.begin(), map.values.end(), 0.0f);
  for (int q = 0; q < int(steps.size()); ++q) {
    const auto& maps = scores ? steps[size_t(q)].scores : steps[size_t(q)].attention;
    auto it = maps.find(name);
    if (it == maps.end()) continue;
    for (int l = 0; l < int(it->second.layers.size()); ++l) {
      const std::vector<float>& v = it->second.layers[size_t(l)];
      const int k = int(v.size()) / heads;
      for (int h = 0; h < heads; ++h)
        for (int j = 0; j < k; ++j) map.at(l, h, q, j) = v[size_t(h * k + j)];
    }
  }
  return map;
}

AttentionMap fromEncoder(const std::vector<Tensor>& layers) {
  if (layers.empty()) return {};
  const Tensor& first = layers.front();  // [N, heads, S, S]
  const int heads = first.rank() == 4 ? int(first.dim(1)) : 1;
  const int s = int(first.dim(-1));
  AttentionMap map(int(layers.size()), heads, s, s);
  for (int l = 0; l < int(layers.size()); ++l) {
    const Tensor& t = layers[size_t(l)];
    for (int i = 0; i < heads * s * s; ++i)
      map.values[map.index(l, 0, 0, 0) + size_t(i)] = float(t.data()[i]);
  }
  return map;
}

Trace traceOfWalk(const Model& model, const Walk& w, std::vector<std::string> source) {
  Trace t;
  t.model = model.config;
  t.sourceTokens = std::move(source);
  t.targetTokens = model.tgtVocab.decode(w.ids);
  std::vector<std::string> names;
  if (!w.steps.empty())
    for (const auto& [name, maps] : w.steps.front().attention) names.push_back(name);
  for (const std::string& name : names) t.attention[name] = stack(w.steps, name, false);
  for (const auto& [name, layers] : w.encoderAttention) t.attention[name] = fromEncoder(layers);
  for (const StepRecord& s : w.steps) {
    t.logProbs.push_back(s.logProbs);
    TraceStep step;
    step.query = s.query;
    step.context = s.context;
    for (const auto& [name, maps] : s.scores) {
      std::vector<float>& flat = step.scores[name];
      for (const auto& l : maps.layers) flat.insert(flat.end(), l.begin(), l.end());
    }
    t.steps.push_back(std::move(step));
  }
  return t;
}

Trace classify(const Model& model, const std::vector<std::string>& tokens) {
  NoGradGuard noGrad;
  const TokenBatch src = TokenBatch::fromRows({model.srcVocab.encode(tokens)});
  const ClassifierForward out = model.classifier->forward(src);
  const Tensor& hops = out.hops.value();  // [1, r, n]
  const int r = int(hops.dim(1)), n = int(hops.dim(2));
  Trace t;
  t.model = model.config;
  t.sourceTokens = tokens;
  AttentionMap map(1, r, 1, n);
  for (int i = 0; i < r * n; ++i) map.values[size_t(i)] = float(hops.data()[i]);
  t.attention["hops"] = std::move(map);
  const Tensor& logits = out.logits.value();  // [1, C]
  std::vector<float> logProbs(size_t(logits.numel()));
  const float top = float(*std::max_element(logits.data(), logits.data() + logits.numel()));
  double sum = 0;
  for (int64_t c = 0; c < logits.numel(); ++c) sum += std::exp(double(logits.data()[c]) - top);
  for (int64_t c = 0; c < logits.numel(); ++c)
    logProbs[size_t(c)] = float(double(logits.data()[c]) - top - std::log(sum));
  const int64_t best = argmax(logProbs);
  t.targetTokens = {model.classes.name(best)};
  TraceStep step;
  std::vector<int64_t> order(logProbs.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](int64_t a, int64_t b) { return logProbs[size_t(a)] > logProbs[size_t(b)]; });
  for (int64_t c : order)
    step.topK.push_back({model.classes.name(c), std::exp(logProbs[size_t(c)])});
  t.steps.push_back(std::move(step));
  t.logProbs.push_back(std::move(logProbs));
  return t;
}

}  // namespace

std::vector<SeenToken> tokensAsSeen(const Model& model, const std::string& text) {
  std::vector<SeenToken> seen;
  for (std::string& token : data::tokenize(text, model.tokenizer)) {
    const bool unknown = !model.srcVocab.contains(token);
    seen.push_back({std::move(token), unknown, false});
  }
  if (!model.isClassifier() && !seen.empty()) seen.push_back({"<eos>", false, true});
  return seen;
}

int effectiveMaxLength(const Model& model, const DecodeRequest& request, int sourceTokens) {
  int length = request.maxLength > 0 ? request.maxLength : std::min(2 * sourceTokens + 10, 500);
  if (model.seq2seq) length = int(std::min<int64_t>(length, model.seq2seq->maxTargetLength()));
  return std::max(length, 1);
}

Trace decodeToTrace(const Model& model, const DecodeRequest& request) {
  std::vector<std::string> tokens = data::tokenize(request.source, model.tokenizer);
  if (tokens.empty()) throw Error("the sentence is empty: type a few words for the model to read");
  if (model.isClassifier()) {
    if (!model.classifier) throw Error("this classifier has no network to run");
    return classify(model, tokens);
  }
  if (!model.seq2seq) throw Error("this model has no network to run");
  const Seq2SeqModel& net = *model.seq2seq;
  std::vector<int64_t> ids = model.srcVocab.encode(tokens);
  ids.push_back(Vocabulary::kEos);
  tokens.push_back("<eos>");
  const TokenBatch src = TokenBatch::fromRows({ids});
  const int maxLength = effectiveMaxLength(model, request, int(ids.size()));

  Trace trace;
  switch (request.mode) {
    case DecodeMode::Greedy:
      trace = traceOfWalk(model, walk(net, src, nullptr, maxLength), tokens);
      break;
    case DecodeMode::Forced: {
      const std::vector<std::string> target = data::tokenize(request.target, model.tokenizer);
      if (target.empty())
        throw Error("the forced target is empty: type the output you want to inspect");
      std::vector<int64_t> forced = model.tgtVocab.encode(target);
      forced.push_back(Vocabulary::kEos);
      if (int64_t(forced.size()) > net.maxTargetLength())
        throw Error("the forced target is longer than this model can read (" +
                    std::to_string(net.maxTargetLength()) + " tokens)");
      trace = traceOfWalk(model, walk(net, src, &forced, int(forced.size())), tokens);
      // Show what was typed: an unknown word stays readable, and the input panel marks it.
      for (size_t i = 0; i < target.size(); ++i) trace.targetTokens[i] = target[i];
      break;
    }
    case DecodeMode::Beam: {
      if (request.beamWidth < 1 || request.beamWidth > 64)
        throw Error("the beam width must be between 1 and 64");
      std::vector<BeamNode> tree;
      std::vector<int64_t> best =
          beamSearch(net, src, request.beamWidth, maxLength, model.tgtVocab, tree);
      // The chosen output walked again: the same numbers the search computed, per step.
      trace = traceOfWalk(model, walk(net, src, &best, int(best.size())), tokens);
      trace.beam = std::move(tree);
      trace.beamWidth = request.beamWidth;
      break;
    }
  }
  for (size_t i = 0; i < trace.steps.size(); ++i)
    trace.steps[i].topK = topTokens(trace.logProbs[i], model.tgtVocab, request.topK);
  return trace;
}

}  // namespace attn::ui
