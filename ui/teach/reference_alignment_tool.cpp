#include "reference_alignment_tool.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QWidget>

#include "documents/trace_document.h"
#include "reference_overlay.h"
#include "trace/trace.h"
#include "views/heatmap_view.h"
#include "window/user_error.h"

namespace attn::ui {
namespace {

const char* const kFormatHelp = QT_TRANSLATE_NOOP(
    "attn::ui::ReferenceAlignmentTool",
    "One sentence pair per line, links separated by spaces: i-j for a sure link, i?j for a "
    "possible one, i the source token and j the output token, counted from 0 without <eos> "
    "(the Pharaoh format of Moses and fast_align).");

}  // namespace

ReferenceAlignmentTool::ReferenceAlignmentTool(QWidget* window, TraceDocument* trace,
                                               HeatmapView* heatmap, ReferenceDocument* reference)
    : QObject(window),
      window_(window),
      trace_(trace),
      heatmap_(heatmap),
      reference_(reference),
      overlay_(new ReferenceOverlay(heatmap)),
      load_(new QAction(tr("Load reference &alignment…"), this)),
      type_(new QAction(tr("T&ype reference alignment…"), this)),
      clear_(new QAction(tr("Clear reference alignment"), this)),
      label_(new QLabel(window)) {
  load_->setObjectName(QStringLiteral("actionLoadReference"));
  type_->setObjectName(QStringLiteral("actionTypeReference"));
  clear_->setObjectName(QStringLiteral("actionClearReference"));
  load_->setStatusTip(tr("Score the attention against an alignment made by people (AER)"));
  label_->setObjectName(QStringLiteral("referenceNote"));
  label_->setVisible(false);
  connect(load_, &QAction::triggered, this, &ReferenceAlignmentTool::loadInteractively);
  connect(type_, &QAction::triggered, this, &ReferenceAlignmentTool::typeInteractively);
  connect(clear_, &QAction::triggered, reference_, &ReferenceDocument::clear);
  // After the alignment view has drawn the new matrix (it connected first).
  connect(trace_, &TraceDocument::mapChanged, this, &ReferenceAlignmentTool::refresh);
  connect(trace_, &TraceDocument::traceChanged, this, &ReferenceAlignmentTool::refresh);
  connect(reference_, &ReferenceDocument::changed, this, &ReferenceAlignmentTool::refresh);
  refresh();
}

QString ReferenceAlignmentTool::fail(const QString& problem) {
  showError(window_, {tr("Reference alignment"), problem, tr(kFormatHelp)});
  return problem;
}

QString ReferenceAlignmentTool::loadFile(const QString& path, int line) {
  std::vector<ReferenceAlignment> lines;
  try {
    lines = readAlignmentFile(path.toStdString());
  } catch (const std::exception& e) {
    return fail(QString::fromUtf8(e.what()));
  }
  const QString name = QFileInfo(path).fileName();
  if (lines.empty()) return fail(tr("'%1' has no alignment line.").arg(name));
  if (line == 0 && lines.size() == 1) line = 1;
  if (line == 0) {
    bool ok = false;
    line = QInputDialog::getInt(window_, tr("Reference alignment"),
                                tr("'%1' holds %2 sentence pairs. Which line goes with the "
                                   "sentence on screen?")
                                    .arg(name)
                                    .arg(lines.size()),
                                1, 1, int(lines.size()), 1, &ok);
    if (!ok) return tr("Cancelled");
  }
  if (line < 1 || line > int(lines.size()))
    return fail(
        tr("'%1' has %2 lines; there is no line %3.").arg(name).arg(lines.size()).arg(line));
  reference_->set(lines[size_t(line - 1)], tr("%1, line %2").arg(name).arg(line));
  return report_.scored || !trace_->hasTrace() ? QString() : fail(report_.problem);
}

QString ReferenceAlignmentTool::setText(const QString& text) {
  try {
    reference_->set(parseAlignmentLine(text.toStdString()), tr("typed"));
  } catch (const std::exception& e) {
    return fail(QString::fromUtf8(e.what()));
  }
  return report_.scored || !trace_->hasTrace() ? QString() : fail(report_.problem);
}

void ReferenceAlignmentTool::loadInteractively() {
  const QString path =
      QFileDialog::getOpenFileName(window_, tr("Load reference alignment"), QString(),
                                   tr("Alignments (*.align *.txt *.wa *.a);;All files (*)"));
  if (!path.isEmpty()) loadFile(path);
}

void ReferenceAlignmentTool::typeInteractively() {
  bool ok = false;
  const QString text = QInputDialog::getText(
      window_, tr("Type reference alignment"),
      tr("Links for the sentence on screen, e.g. 0-0 1-1 3-2 2-3 4?4.\n%1").arg(tr(kFormatHelp)),
      QLineEdit::Normal, reference_->hasReference() ? reference_->text() : QString(), &ok);
  if (ok) setText(text);
}

void ReferenceAlignmentTool::followColourMap() {
  overlay_->followColourMap();
}

void ReferenceAlignmentTool::refresh() {
  report_ = {};
  clear_->setEnabled(reference_->hasReference());
  if (!reference_->hasReference() || !trace_->hasTrace()) {
    overlay_->clear();
    label_->setVisible(reference_->hasReference());
    label_->setText(tr("Reference: %1").arg(reference_->description()));
    return;
  }
  try {
    const LabelledMatrix m =
        selectMatrix(*trace_->trace(), {trace_->mapKind(), trace_->layer(), trace_->head()});
    report_ = reportAlignment(m, trace_->mapKind(), reference_->reference());
  } catch (const std::exception& e) {
    report_.problem = QString::fromUtf8(e.what());
  }
  if (report_.scored) {
    overlay_->show(reference_->reference());
  } else {
    overlay_->clear();
  }
  label_->setVisible(true);
  label_->setText(report_.scored ? report_.summary() : tr("Reference: not scored"));
  label_->setToolTip(
      tr("Reference alignment: %1\n%2")
          .arg(reference_->description(), report_.scored ? report_.details() : report_.problem));
}

}  // namespace attn::ui
