#include "documents/trace_document.h"

#include <algorithm>

#include "documents/trace_math.h"
#include "trace/trace.h"
#include "views/token_html.h"

namespace attn::ui {
namespace {

QStringList toQt(const std::vector<std::string>& tokens) {
  QStringList list;
  list.reserve(qsizetype(tokens.size()));
  for (const std::string& t : tokens) list << QString::fromStdString(t);
  return list;
}

// Labels only when they name every row; otherwise the view numbers them.
QStringList labelsFor(const QStringList& labels, int n) {
  return labels.size() == n ? labels : QStringList();
}

}  // namespace

TraceDocument::TraceDocument(QObject* parent) : QObject(parent) {}
TraceDocument::~TraceDocument() = default;

bool TraceDocument::isClassification() const {
  return trace_ && trace_->attention.count(MapKind::Hops) > 0;
}

void TraceDocument::remakeShown() {
  shownInfo_ = {};
  if (!decoded_ || (!options_.mergeSubwords && !options_.replaceUnknown)) {
    trace_ = decoded_;
    return;
  }
  shownInfo_ = shownTrace(*decoded_, tokenizer_ ? &*tokenizer_ : nullptr, options_);
  trace_ = std::make_shared<const Trace>(std::move(shownInfo_.trace));
  shownInfo_.trace = {};
}

void TraceDocument::setOrigin(const QString& origin) {
  if (origin == origin_) return;
  origin_ = origin;
  emit originChanged();
}

void TraceDocument::setShowOptions(const ShowOptions& options) {
  if (options.mergeSubwords == options_.mergeSubwords &&
      options.replaceUnknown == options_.replaceUnknown)
    return;
  options_ = options;
  if (!decoded_) return;
  remakeShown();
  step_ = std::clamp(step_, 0, std::max(stepCount() - 1, 0));
  emit traceChanged();
  emit mapChanged();
  emit stepChanged(step_);
}

void TraceDocument::setTrace(std::shared_ptr<const Trace> trace, const QString& origin,
                             bool example, std::optional<data::Tokenizer> tokenizer) {
  decoded_ = std::move(trace);
  tokenizer_ = std::move(tokenizer);
  remakeShown();
  origin_ = origin;
  example_ = example;
  step_ = 0;
  beamNode_ = -1;
  const std::vector<MapKind> kinds = mapKinds();
  mapKind_ = kinds.empty() ? MapKind::Cross : kinds.front();
  const AttentionMap* m = map(mapKind_);
  layer_ = m ? m->layers - 1 : 0;  // the last layer is the one that feeds the output
  head_ = m && m->heads > 1 ? kMeanOverHeads : 0;
  emit traceChanged();
  emit mapChanged();
  emit stepChanged(step_);
  emit beamNodeChanged(beamNode_);
}

void TraceDocument::clear() {
  setTrace(nullptr, QString());
}

std::vector<MapKind> TraceDocument::mapKinds() const {
  std::vector<MapKind> kinds;
  if (!trace_) return kinds;
  for (MapKind kind : {MapKind::Cross, MapKind::EncoderSelf, MapKind::DecoderSelf, MapKind::Hops})
    if (trace_->attention.count(kind)) kinds.push_back(kind);
  return kinds;
}

QString TraceDocument::mapLabel(MapKind kind) {
  switch (kind) {
    case MapKind::Cross:
      return tr("Cross-attention (output → source)");
    case MapKind::EncoderSelf:
      return tr("Encoder self-attention (source → source)");
    case MapKind::DecoderSelf:
      return tr("Decoder self-attention (output → earlier outputs)");
    case MapKind::Hops:
      return tr("Attention hops (Lin et al.)");
  }
  return QString::fromStdString(mapKindName(kind));
}

const AttentionMap* TraceDocument::map(MapKind kind) const {
  if (!trace_) return nullptr;
  auto it = trace_->attention.find(kind);
  return it == trace_->attention.end() ? nullptr : &it->second;
}

void TraceDocument::selectMap(MapKind kind, int layer, int head) {
  const AttentionMap* m = map(kind);
  if (!m) return;
  layer = std::clamp(layer, 0, m->layers - 1);
  head = head < 0 ? kMeanOverHeads : std::min(head, m->heads - 1);
  if (kind == mapKind_ && layer == layer_ && head == head_) return;
  mapKind_ = kind;
  layer_ = layer;
  head_ = head;
  emit mapChanged();
}

QStringList TraceDocument::sourceTokens() const {
  return trace_ ? toQt(trace_->sourceTokens) : QStringList();
}

QStringList TraceDocument::targetTokens() const {
  return trace_ ? toQt(trace_->targetTokens) : QStringList();
}

MatrixSnapshot TraceDocument::matrix(MapKind kind, int layer, int head) const {
  MatrixSnapshot s;
  const AttentionMap* m = map(kind);
  if (!m || m->keys <= 0) return s;
  const QStringList source = sourceTokens();
  const QStringList target = targetTokens();
  if (kind == MapKind::Hops) {
    s.values = hopsMatrix(*m);
    s.rows = m->heads;
    s.cols = m->keys;
    for (int h = 0; h < m->heads; ++h) s.rowLabels << tr("hop %1").arg(h + 1);
    s.rowsAreTokens = false;
    s.colLabels = labelsFor(source, s.cols);
    s.rowTitle = tr("attention hops");
    s.colTitle = tr("sentence tokens");
    s.title = tr("%1 attention hops over the sentence").arg(m->heads);
    return s;
  }
  layer = std::clamp(layer, 0, m->layers - 1);
  s.values = mapMatrix(*m, layer, head);
  s.rows = m->queries;
  s.cols = m->keys;
  if (s.values.size() != size_t(s.rows) * size_t(s.cols) || s.rows == 0) return {};
  s.rowsAreSteps = rowsAreSteps(kind);
  if (kind == MapKind::EncoderSelf) {
    s.rowLabels = labelsFor(source, s.rows);
    s.colLabels = labelsFor(source, s.cols);
    s.rowTitle = tr("source token (query)");
    s.colTitle = tr("source token it looks at (key)");
  } else if (kind == MapKind::DecoderSelf) {
    s.rowLabels = labelsFor(target, s.rows);
    s.colLabels = labelsFor(toQt(decoderInputTokens(*trace_)), s.cols);
    s.rowTitle = tr("output token");
    s.colTitle = tr("decoder input it looks back at");
  } else {
    s.rowLabels = labelsFor(target, s.rows);
    s.colLabels = labelsFor(source, s.cols);
    s.rowTitle = tr("output tokens");
    s.colTitle = tr("source tokens");
  }
  QString where;
  if (m->layers > 1) where += tr(" · layer %1 of %2").arg(layer + 1).arg(m->layers);
  if (m->heads > 1) {
    where += head < 0 ? tr(" · mean over %1 heads").arg(m->heads)
                      : tr(" · head %1 of %2").arg(head + 1).arg(m->heads);
  }
  s.title = mapLabel(kind) + where;
  if (example_) s.title = origin_;
  return s;
}

int TraceDocument::stepCount() const {
  return trace_ ? int(trace_->targetTokens.size()) : 0;
}

void TraceDocument::setStep(int step) {
  step = std::clamp(step, 0, std::max(stepCount() - 1, 0));
  if (step == step_) return;
  step_ = step;
  emit stepChanged(step_);
}

void TraceDocument::setBeamNode(int id) {
  if (id == beamNode_) return;
  beamNode_ = id;
  emit beamNodeChanged(id);
}

std::vector<float> TraceDocument::stepAttention() const {
  const AttentionMap* m = map(MapKind::Cross);
  if (!m || step_ >= m->queries) return {};
  int layer = m->layers - 1;
  int head = m->heads > 1 ? kMeanOverHeads : 0;
  if (mapKind_ == MapKind::Cross) {
    layer = layer_;
    head = head_;
  }
  const std::vector<float> all = mapMatrix(*m, layer, head);
  const auto begin = all.begin() + std::ptrdiff_t(step_) * m->keys;
  return std::vector<float>(begin, begin + m->keys);
}

QString TraceDocument::stepAttentionLabel() const {
  const AttentionMap* m = map(MapKind::Cross);
  if (!m || (m->layers == 1 && m->heads == 1)) return {};
  const bool selected = mapKind_ == MapKind::Cross;
  const int layer = selected ? layer_ : m->layers - 1;
  const int head = selected ? head_ : (m->heads > 1 ? kMeanOverHeads : 0);
  QString s = tr("layer %1").arg(layer + 1);
  if (m->heads > 1) s += head < 0 ? tr(", mean over heads") : tr(", head %1").arg(head + 1);
  return s;
}

QStringList shownRowLabels(const MatrixSnapshot& m) {
  return m.rowsAreTokens ? displayLabels(m.rowLabels) : m.rowLabels;
}

QStringList shownColLabels(const MatrixSnapshot& m) {
  return displayLabels(m.colLabels);
}

}  // namespace attn::ui
