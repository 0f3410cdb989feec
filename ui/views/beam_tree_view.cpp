#include "views/beam_tree_view.h"

#include <QHelpEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollArea>
#include <QScrollBar>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>
#include <map>

#include "decode/decode_options.h"
#include "documents/trace_document.h"
#include "trace/trace.h"

namespace attn::ui {
namespace {

constexpr double kColumn = 118;  // one step
constexpr double kRow = 34;      // one leaf
constexpr double kBoxW = 96;
constexpr double kBoxH = 24;
constexpr double kMargin = 12;
const QColor kChosen(0xe6, 0x55, 0x0d);

QString nodeLabel(const BeamNode& n) {
  return QStringLiteral("%1  %2").arg(QString::fromStdString(n.token)).arg(n.score, 0, 'f', 2);
}

}  // namespace

BeamTreeCanvas::BeamTreeCanvas(TraceDocument* document, QWidget* parent)
    : QWidget(parent), document_(document) {
  setMouseTracking(true);
  connect(document_, &TraceDocument::traceChanged, this, &BeamTreeCanvas::layOut);
  connect(document_, &TraceDocument::stepChanged, this, qOverload<>(&QWidget::update));
  connect(document_, &TraceDocument::beamNodeChanged, this, qOverload<>(&QWidget::update));
  layOut();
}

QSize BeamTreeCanvas::sizeHint() const {
  return size_;
}

void BeamTreeCanvas::layOut() {
  rects_.clear();
  const auto& trace = document_->trace();
  if (!trace || trace->beam.empty()) {
    size_ = QSize(0, 0);
    updateGeometry();
    update();
    return;
  }
  const std::vector<BeamNode>& nodes = trace->beam;
  std::map<int, std::vector<int>> children;  // parent -> children, best score first
  for (const BeamNode& n : nodes) children[n.parent].push_back(n.id);
  for (auto& [parent, list] : children)
    std::sort(list.begin(), list.end(),
              [&](int a, int b) { return nodes[size_t(a)].score > nodes[size_t(b)].score; });
  rects_.assign(nodes.size(), QRectF());
  double nextLeaf = 0;
  int maxStep = 0;
  // Leaves take rows in depth-first order; a parent sits level with the middle of its children.
  std::function<double(int)> place = [&](int id) -> double {
    auto it = children.find(id);
    double y;
    if (it == children.end()) {
      y = nextLeaf++;
    } else {
      double first = 0, last = 0;
      for (size_t i = 0; i < it->second.size(); ++i) {
        const double c = place(it->second[i]);
        if (i == 0) first = c;
        last = c;
      }
      y = (first + last) / 2;
    }
    if (id >= 0) {
      const BeamNode& n = nodes[size_t(id)];
      maxStep = std::max(maxStep, n.step);
      rects_[size_t(id)] =
          QRectF(kMargin + (n.step + 1) * kColumn, kMargin + y * kRow, kBoxW, kBoxH);
    }
    return y;
  };
  const double rootY = place(-1);
  rootRect_ = QRectF(kMargin, kMargin + rootY * kRow, kBoxW * 0.6, kBoxH);
  size_ =
      QSize(int(2 * kMargin + (maxStep + 1) * kColumn + kBoxW), int(2 * kMargin + nextLeaf * kRow));
  setMinimumSize(size_);
  updateGeometry();
  update();
}

QRectF BeamTreeCanvas::nodeRect(int id) const {
  return id >= 0 && id < int(rects_.size()) ? rects_[size_t(id)] : QRectF();
}

int BeamTreeCanvas::nodeAt(const QPointF& pos) const {
  for (int i = 0; i < int(rects_.size()); ++i)
    if (rects_[size_t(i)].contains(pos)) return i;
  return -1;
}

void BeamTreeCanvas::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  p.fillRect(rect(), palette().base());
  const auto& trace = document_->trace();
  if (!trace || trace->beam.empty()) return;
  const std::vector<BeamNode>& nodes = trace->beam;
  // Edges first, so boxes cover their ends.
  for (const BeamNode& n : nodes) {
    const QRectF from = n.parent < 0 ? rootRect_ : rects_[size_t(n.parent)];
    const QRectF to = rects_[size_t(n.id)];
    QPainterPath path(QPointF(from.right(), from.center().y()));
    const double midX = (from.right() + to.left()) / 2;
    path.cubicTo(QPointF(midX, from.center().y()), QPointF(midX, to.center().y()),
                 QPointF(to.left(), to.center().y()));
    p.setPen(QPen(n.chosen ? kChosen : QColor(0xb0, 0xb0, 0xb0), n.chosen ? 2.5 : 1));
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
  }
  p.setPen(QPen(kChosen, 2));
  p.setBrush(QColor(0xfd, 0xe8, 0xdc));
  p.drawRoundedRect(rootRect_, 5, 5);
  p.setPen(palette().color(QPalette::Text));
  p.drawText(rootRect_, Qt::AlignCenter, QStringLiteral("<sos>"));
  const int step = document_->step();
  for (const BeamNode& n : nodes) {
    const QRectF r = rects_[size_t(n.id)];
    const bool current = n.chosen && n.step == step;
    const bool picked = n.id == document_->beamNode();
    QColor fill = n.chosen ? QColor(0xfd, 0xe8, 0xdc) : QColor(0xf2, 0xf2, 0xf2);
    QPen pen(n.chosen ? kChosen : QColor(0xa0, 0xa0, 0xa0), n.chosen ? 2 : 1);
    if (n.finished) pen.setStyle(Qt::SolidLine), pen.setWidthF(pen.widthF() + 1);
    p.setPen(pen);
    p.setBrush(fill);
    p.drawRoundedRect(r, 5, 5);
    if (current || picked) {
      p.setPen(QPen(current ? QColor(0x20, 0x20, 0x20) : palette().color(QPalette::Highlight), 2,
                    Qt::DashLine));
      p.setBrush(Qt::NoBrush);
      p.drawRoundedRect(r.adjusted(-3, -3, 3, 3), 7, 7);
    }
    p.setPen(n.chosen || n.finished ? palette().color(QPalette::Text) : QColor(0x70, 0x70, 0x70));
    const QString text =
        p.fontMetrics().elidedText(nodeLabel(n), Qt::ElideMiddle, int(r.width()) - 6);
    p.drawText(r, Qt::AlignCenter, text);
  }
}

void BeamTreeCanvas::mouseReleaseEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton) return;
  const int id = nodeAt(event->position());
  if (id >= 0) emit nodeClicked(id);
}

bool BeamTreeCanvas::event(QEvent* event) {
  if (event->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(event);
    const int id = nodeAt(help->pos());
    const auto& trace = document_->trace();
    if (id >= 0 && trace) {
      const BeamNode& n = trace->beam[size_t(id)];
      QToolTip::showText(help->globalPos(),
                         tr("“%1” at step %2\nlog p = %3, hypothesis score = %4%5")
                             .arg(QString::fromStdString(n.token))
                             .arg(n.step + 1)
                             .arg(n.logProb, 0, 'f', 3)
                             .arg(n.score, 0, 'f', 3)
                             .arg(n.finished ? tr("\nfinished (<eos>)") : QString()),
                         this);
    } else {
      QToolTip::hideText();
    }
    return true;
  }
  return QWidget::event(event);
}

BeamTreeView::BeamTreeView(TraceDocument* document, QWidget* parent)
    : QWidget(parent),
      document_(document),
      header_(new QLabel(this)),
      hypothesis_(new QLabel(this)),
      scroll_(new QScrollArea(this)),
      canvas_(new BeamTreeCanvas(document, this)) {
  header_->setWordWrap(true);
  hypothesis_->setWordWrap(true);
  hypothesis_->setObjectName(QStringLiteral("beamHypothesis"));
  hypothesis_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  scroll_->setWidget(canvas_);
  scroll_->setWidgetResizable(true);
  scroll_->setBackgroundRole(QPalette::Base);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 4, 6, 4);
  layout->addWidget(header_);
  layout->addWidget(scroll_, 1);
  layout->addWidget(hypothesis_);
  connect(document_, &TraceDocument::traceChanged, this, &BeamTreeView::refresh);
  connect(canvas_, &BeamTreeCanvas::nodeClicked, this, [this](int id) {
    document_->setBeamNode(id);
    const auto& trace = document_->trace();
    if (trace && trace->beam[size_t(id)].chosen) document_->setStep(trace->beam[size_t(id)].step);
  });
  connect(document_, &TraceDocument::beamNodeChanged, this, &BeamTreeView::showNode);
  connect(document_, &TraceDocument::stepChanged, this, &BeamTreeView::followStep);
  refresh();
}

void BeamTreeView::followStep(int step) {
  const auto& trace = document_->trace();
  if (!trace) return;
  for (const BeamNode& n : trace->beam) {
    if (n.chosen && n.step == step) {
      const QRectF r = canvas_->nodeRect(n.id);
      scroll_->ensureVisible(int(r.center().x()), int(r.center().y()), int(r.width()),
                             int(r.height() * 2));
      return;
    }
  }
}

QString BeamTreeView::hypothesisText() const {
  return hypothesis_->text();
}

void BeamTreeView::refresh() {
  const auto& trace = document_->trace();
  if (!trace || trace->beam.empty()) {
    header_->setText(
        tr("Beam search keeps the best few partial outputs at every step instead of "
           "only the single best one. Choose “Beam search” in the input panel and "
           "decode to see its tree here."));
    hypothesis_->clear();
    return;
  }
  header_->setText(
      tr("Beam search of width %1: one column per output step, each box a token "
         "with its hypothesis' total log-probability. Finished hypotheses compete by "
         "that score divided by length<sup>α</sup>, α = %2. The <b style='color:#e6550d'>"
         "orange path</b> is the output; grey hypotheses were dropped or lost. Click "
         "a box to read its hypothesis; on the orange path it also selects that step.")
          .arg(trace->beamWidth)
          .arg(trace->beamLengthPenalty, 0, 'g', 3));
  hypothesis_->clear();
  scroll_->horizontalScrollBar()->setValue(0);
  scroll_->verticalScrollBar()->setValue(0);
}

void BeamTreeView::showNode(int id) {
  const auto& trace = document_->trace();
  if (!trace || id < 0 || id >= int(trace->beam.size())) {
    hypothesis_->clear();
    return;
  }
  QStringList tokens;
  for (int i = id; i >= 0; i = trace->beam[size_t(i)].parent)
    tokens.prepend(QString::fromStdString(trace->beam[size_t(i)].token));
  const BeamNode& n = trace->beam[size_t(id)];
  const bool extended = std::any_of(trace->beam.begin(), trace->beam.end(),
                                    [id](const BeamNode& c) { return c.parent == id; });
  QString state = n.chosen     ? tr("on the returned output")
                  : n.finished ? tr("finished, but scored lower than the output")
                  : extended   ? tr("extended, but the output came from another branch")
                               : tr("dropped: its extensions were not among the best");
  QString score = QString::number(n.score, 'f', 3);
  if (n.finished)  // what it competed with: score / length^α, the <eos> counted
    score = tr("%1, ranked by %1 / %2<sup>%3</sup> = %4")
                .arg(score)
                .arg(n.step + 1)
                .arg(trace->beamLengthPenalty, 0, 'g', 3)
                .arg(normalisedScore(n.score, n.step + 1, trace->beamLengthPenalty), 0, 'f', 3);
  hypothesis_->setText(tr("Hypothesis: <b>%1</b> · score %2 · %3")
                           .arg(tokens.join(QLatin1Char(' ')).toHtmlEscaped(), score, state));
}

}  // namespace attn::ui
