// TraceDocument: the trace on screen and what is selected in it (which attention map, layer and
// head, which output step). Every view observes it; none talks to another view. The trace itself
// is an immutable snapshot shared with the thread that made it.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>
#include <optional>
#include <vector>

#include "documents/shown_trace.h"
#include "trace/map_kind.h"

namespace attn {
struct Trace;
struct AttentionMap;
}  // namespace attn

namespace attn::ui {

// A map kind as the item data of a combo box, and back.
inline QVariant mapKindData(MapKind kind) {
  return static_cast<int>(kind);
}
inline MapKind mapKindOf(const QVariant& data) {
  return static_cast<MapKind>(data.toInt());
}

// One matrix as a heatmap shows it, with its labels and axis titles.
struct MatrixSnapshot {
  int rows = 0;
  int cols = 0;
  std::vector<float> values;  // row-major
  QStringList rowLabels, colLabels;
  QString rowTitle, colTitle, title;
  bool rowsAreSteps = false;  // a click on a row selects that output step
  bool rowsAreTokens = true;  // false for the classifier's hops ("hop 1"), drawn as they are
};

// The labels as a heatmap draws them: tokens with a space made visible (token_html.h), and
// row labels that are not tokens left as they are.
QStringList shownRowLabels(const MatrixSnapshot& m);
QStringList shownColLabels(const MatrixSnapshot& m);

class TraceDocument : public QObject {
  Q_OBJECT

 public:
  static constexpr int kMeanOverHeads = -1;

  explicit TraceDocument(QObject* parent = nullptr);
  ~TraceDocument() override;

  // The trace the views show: the decoded one, or its word-level, unknown-replaced form
  // (setShowOptions). Every view, export and saved file reads this one.
  const std::shared_ptr<const Trace>& trace() const { return trace_; }
  // The trace as the model produced it, pieces and <unk>s included.
  const std::shared_ptr<const Trace>& decodedTrace() const { return decoded_; }
  bool hasTrace() const { return trace_ != nullptr; }
  QString origin() const { return origin_; }  // one line: where the trace on screen comes from
  // The same trace under a new description (its model was saved under a name): originChanged.
  void setOrigin(const QString& origin);
  bool isExample() const { return example_; }
  bool isClassification() const;  // a classifier's hops rather than a decoded output
  // Selects the most telling map (cross, last layer, mean over heads) and the first step.
  // `tokenizer`: the model's that made the trace, which groups its pieces into words (none for a
  // trace opened from a file: it is shown as it is).
  void setTrace(std::shared_ptr<const Trace> trace, const QString& origin, bool example = false,
                std::optional<data::Tokenizer> tokenizer = std::nullopt);
  // View ▸ Merge subwords into words and Decode ▸ Replace unknown words: the trace on screen is
  // remade from the decoded one; the map, layer and head stay selected, the step is kept when
  // it still exists.
  void setShowOptions(const ShowOptions& options);
  const ShowOptions& showOptions() const { return options_; }
  bool wordsMerged() const { return shownInfo_.merged; }  // the shown tokens are words
  // The output words copied in for an <unk>, by position in the shown output.
  const std::vector<ShownTrace::Copied>& replacedUnknowns() const { return shownInfo_.replaced; }
  void clear();

  // The maps of the trace in teaching order: cross, encoder self, decoder self, hops.
  std::vector<MapKind> mapKinds() const;
  static QString mapLabel(MapKind kind);  // "Cross-attention (output → source)"
  const AttentionMap* map(MapKind kind) const;
  MapKind mapKind() const { return mapKind_; }  // meaningful while the trace has that map
  int layer() const { return layer_; }
  int head() const { return head_; }  // kMeanOverHeads or a head index
  void selectMap(MapKind kind, int layer, int head);

  MatrixSnapshot matrix() const { return matrix(mapKind_, layer_, head_); }
  MatrixSnapshot matrix(MapKind kind, int layer, int head) const;

  // Output steps: one per target token (for a classifier, its one decision).
  int stepCount() const;
  int step() const { return step_; }
  void setStep(int step);  // clamped to the steps there are
  QStringList sourceTokens() const;
  QStringList targetTokens() const;
  // This step's attention over the source: the cross map at the selected layer and head (or the
  // last layer's mean when another map is selected). Empty when the trace has none.
  std::vector<float> stepAttention() const;
  QString stepAttentionLabel() const;  // which layer and head stepAttention() reads

  int beamNode() const { return beamNode_; }  // the beam hypothesis picked in the tree, or -1
  void setBeamNode(int id);

 signals:
  void traceChanged();
  void originChanged();  // setOrigin only; a new trace comes with traceChanged
  void mapChanged();
  void stepChanged(int step);
  void beamNodeChanged(int id);

 private:
  void remakeShown();

  std::shared_ptr<const Trace> decoded_;
  std::shared_ptr<const Trace> trace_;  // shown
  std::optional<data::Tokenizer> tokenizer_;
  ShowOptions options_;
  ShownTrace shownInfo_;  // its trace is moved into trace_; the rest describes it
  QString origin_;
  bool example_ = false;
  MapKind mapKind_ = MapKind::Cross;
  int layer_ = 0;
  int head_ = kMeanOverHeads;
  int step_ = 0;
  int beamNode_ = -1;
};

}  // namespace attn::ui
