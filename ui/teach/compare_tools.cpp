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
      mWindow(window),
      mSession(session),
      mSentence(std::move(sentence)),
      mReference(new ReferenceDocument(this)),
      mView(new CompareView(mReference, window)),
      mReferenceTool(new ReferenceAlignmentTool(window, session->traceDocument(), alignmentHeatmap,
                                                mReference)),
      mCompare(new QAction(tr("Co&mpare with model…"), this)) {
  mView->setObjectName(QStringLiteral("compareView"));
  mCompare->setObjectName(QStringLiteral("actionCompareModel"));
  mCompare->setStatusTip(
      tr("Run another model or a checkpoint on the same sentence, next to this one"));
  connect(mCompare, &QAction::triggered, this, &CompareTools::compareInteractively);
  connect(mView, &CompareView::failed, this, [this](const UserError& e) { showError(mWindow, e); });
  if (settings) {  // follows the map on screen (documents/settings.h)
    settings->followColourMap(mView, [this](ColourMap map) {
      mView->setColourMap(map);
      // The alignment heatmap follows the same signal, and subscribed first (it is made first):
      // the reference overlay reads the heatmap's map after it changed.
      mReferenceTool->followColourMap();
    });
  }
}

QString CompareTools::fail(const QString& problem, const QString& whatToDo) {
  showError(mWindow, {tr("Compare with model"), problem, whatToDo});
  return problem;
}

QString CompareTools::compareWithFile(const QString& path) {
  const auto& a = mSession->modelDocument()->model();
  if (!a)
    return fail(tr("There is no model on screen to compare with."),
                tr("Open or train a model first: it is model A, the file you choose is model B."));
  const QString sentence = mSentence ? mSentence().trimmed() : QString();
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
    showError(mWindow, error);
    return error.what;
  }
  if (mView->isBusy())
    return fail(tr("A comparison is still running."), tr("Wait a moment, then try again."));
  mView->compareModels(a, std::move(b), mSession->modelDocument()->displayName(),
                       QFileInfo(path).fileName(), sentence);
  emit showRequested();
  return {};
}

void CompareTools::compareInteractively() {
  const QString path =
      QFileDialog::getOpenFileName(mWindow, tr("Compare with model"), QString(),
                                   tr("Attention Studio models (*.safetensors);;All files (*)"));
  if (!path.isEmpty()) compareWithFile(path);
}

void CompareTools::showSubject(const CompareSubject& subject) {
  if (!subject.a) return;
  mView->setSubject(subject);
  emit showRequested();
}

}  // namespace attn::ui
