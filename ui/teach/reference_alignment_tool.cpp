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
      mWindow(window),
      mTrace(trace),
      mHeatmap(heatmap),
      mReference(reference),
      mOverlay(new ReferenceOverlay(heatmap)),
      mLoad(new QAction(tr("Load reference &alignment…"), this)),
      mType(new QAction(tr("T&ype reference alignment…"), this)),
      mClear(new QAction(tr("Clear reference alignment"), this)),
      mLabel(new QLabel(window)) {
  mLoad->setObjectName(QStringLiteral("actionLoadReference"));
  mType->setObjectName(QStringLiteral("actionTypeReference"));
  mClear->setObjectName(QStringLiteral("actionClearReference"));
  mLoad->setStatusTip(tr("Score the attention against an alignment made by people (AER)"));
  mLabel->setObjectName(QStringLiteral("referenceNote"));
  mLabel->setVisible(false);
  connect(mLoad, &QAction::triggered, this, &ReferenceAlignmentTool::loadInteractively);
  connect(mType, &QAction::triggered, this, &ReferenceAlignmentTool::typeInteractively);
  connect(mClear, &QAction::triggered, mReference, &ReferenceDocument::clear);
  // After the alignment view has drawn the new matrix (it connected first).
  connect(mTrace, &TraceDocument::mapChanged, this, &ReferenceAlignmentTool::refresh);
  connect(mTrace, &TraceDocument::traceChanged, this, &ReferenceAlignmentTool::refresh);
  connect(mReference, &ReferenceDocument::changed, this, &ReferenceAlignmentTool::refresh);
  refresh();
}

QString ReferenceAlignmentTool::fail(const QString& problem) {
  showError(mWindow, {tr("Reference alignment"), problem, tr(kFormatHelp)});
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
    line = QInputDialog::getInt(mWindow, tr("Reference alignment"),
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
  mReference->set(lines[size_t(line - 1)], tr("%1, line %2").arg(name).arg(line));
  return mReport.scored || !mTrace->hasTrace() ? QString() : fail(mReport.problem);
}

QString ReferenceAlignmentTool::setText(const QString& text) {
  try {
    mReference->set(parseAlignmentLine(text.toStdString()), tr("typed"));
  } catch (const std::exception& e) {
    return fail(QString::fromUtf8(e.what()));
  }
  return mReport.scored || !mTrace->hasTrace() ? QString() : fail(mReport.problem);
}

void ReferenceAlignmentTool::loadInteractively() {
  const QString path =
      QFileDialog::getOpenFileName(mWindow, tr("Load reference alignment"), QString(),
                                   tr("Alignments (*.align *.txt *.wa *.a);;All files (*)"));
  if (!path.isEmpty()) loadFile(path);
}

void ReferenceAlignmentTool::typeInteractively() {
  bool ok = false;
  const QString text = QInputDialog::getText(
      mWindow, tr("Type reference alignment"),
      tr("Links for the sentence on screen, e.g. 0-0 1-1 3-2 2-3 4?4.\n%1").arg(tr(kFormatHelp)),
      QLineEdit::Normal, mReference->hasReference() ? mReference->text() : QString(), &ok);
  if (ok) setText(text);
}

void ReferenceAlignmentTool::followColourMap() {
  mOverlay->followColourMap();
}

void ReferenceAlignmentTool::refresh() {
  mReport = {};
  mClear->setEnabled(mReference->hasReference());
  if (!mReference->hasReference() || !mTrace->hasTrace()) {
    mOverlay->clear();
    mLabel->setVisible(mReference->hasReference());
    mLabel->setText(tr("Reference: %1").arg(mReference->description()));
    return;
  }
  try {
    const LabelledMatrix m =
        selectMatrix(*mTrace->trace(), {mTrace->mapKind(), mTrace->layer(), mTrace->head()});
    mReport = reportAlignment(m, mTrace->mapKind(), mReference->reference());
  } catch (const std::exception& e) {
    mReport.problem = QString::fromUtf8(e.what());
  }
  if (mReport.scored) {
    mOverlay->show(mReference->reference());
  } else {
    mOverlay->clear();
  }
  mLabel->setVisible(true);
  mLabel->setText(mReport.scored ? mReport.summary() : tr("Reference: not scored"));
  mLabel->setToolTip(
      tr("Reference alignment: %1\n%2")
          .arg(mReference->description(), mReport.scored ? mReport.details() : mReport.problem));
}

}  // namespace attn::ui
