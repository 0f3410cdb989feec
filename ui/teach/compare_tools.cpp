#include "compare_tools.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>

#include "compare_view.h"
#include "documents/model_document.h"
#include "documents/session.h"
#include "documents/settings.h"
#include "models/model.h"
#include "reference_alignment.h"
#include "reference_alignment_tool.h"
#include "window/user_error.h"

namespace attn::ui {

CompareTools::CompareTools(QWidget* window, Session* session, const Settings* settings,
                           HeatmapView* alignmentHeatmap, std::function<QString()> sentence)
    : QObject(window),
      window_(window),
      session_(session),
      sentence_(std::move(sentence)),
      reference_(new ReferenceDocument(this)),
      view_(new CompareView(reference_, window)),
      referenceTool_(new ReferenceAlignmentTool(window, session->traceDocument(), alignmentHeatmap,
                                                reference_)),
      compare_(new QAction(tr("Co&mpare with model…"), this)) {
  view_->setObjectName(QStringLiteral("compareView"));
  compare_->setObjectName(QStringLiteral("actionCompareModel"));
  compare_->setStatusTip(
      tr("Run another model or a checkpoint on the same sentence, next to this one"));
  connect(compare_, &QAction::triggered, this, &CompareTools::compareInteractively);
  connect(view_, &CompareView::failed, this, [this](const UserError& e) { showError(window_, e); });
  if (settings) {  // follows the map on screen (documents/settings.h)
    settings->followColourMap(view_, [this](ColourMap map) {
      view_->setColourMap(map);
      // The alignment heatmap follows the same signal, and subscribed first (it is made first):
      // the reference overlay reads the heatmap's map after it changed.
      referenceTool_->followColourMap();
    });
  }
}

QString CompareTools::fail(const QString& problem, const QString& whatToDo) {
  showError(window_, {tr("Compare with model"), problem, whatToDo});
  return problem;
}

QString CompareTools::compareWithFile(const QString& path) {
  const auto& a = session_->modelDocument()->model();
  if (!a)
    return fail(tr("There is no model on screen to compare with."),
                tr("Open or train a model first: it is model A, the file you choose is model B."));
  const QString sentence = sentence_ ? sentence_().trimmed() : QString();
  if (sentence.isEmpty())
    return fail(tr("There is no sentence to compare the models on."),
                tr("Type one in the Input panel, then compare again."));
  std::shared_ptr<const Model> b;
  try {
    b = std::make_shared<const Model>(loadModel(path.toStdString()));
  } catch (const std::exception& e) {
    const UserError error = errorFrom(e, tr("Compare with model"),
                                      tr("Choose an Attention Studio model file (.safetensors), "
                                         "such as a checkpoint of the same task."));
    showError(window_, error);
    return error.what;
  }
  if (view_->isBusy())
    return fail(tr("A comparison is still running."), tr("Wait a moment, then try again."));
  view_->compareModels(a, std::move(b), session_->modelDocument()->displayName(),
                       QFileInfo(path).fileName(), sentence);
  emit showRequested();
  return {};
}

void CompareTools::compareInteractively() {
  const QString path =
      QFileDialog::getOpenFileName(window_, tr("Compare with model"), QString(),
                                   tr("Attention Studio models (*.safetensors);;All files (*)"));
  if (!path.isEmpty()) compareWithFile(path);
}

void CompareTools::showSubject(const CompareSubject& subject) {
  if (!subject.a) return;
  view_->setSubject(subject);
  emit showRequested();
}

}  // namespace attn::ui
