#include "panels/model_panel.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include "documents/bundled_models.h"
#include "documents/model_document.h"
#include "models/model.h"
#include "views/model_summary.h"

namespace attn::ui {

ModelPanel::ModelPanel(ModelDocument* document, QWidget* parent)
    : QWidget(parent),
      mDocument(document),
      mSummary(new QLabel(this)),
      mBundled(new QComboBox(this)),
      mBundledLabel(new QLabel(tr("Bundled"), this)),
      mSave(new QPushButton(tr("Save…"), this)) {
  mSummary->setObjectName(QStringLiteral("modelSummary"));
  mSummary->setWordWrap(true);
  mSummary->setTextFormat(Qt::RichText);
  mSummary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  mSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
  mSummary->setContentsMargins(2, 2, 2, 2);
  mBundled->setObjectName(QStringLiteral("bundledModels"));
  mBundled->setToolTip(tr("Models trained for the course that come with the app"));

  auto* open = new QPushButton(tr("Open…"), this);
  open->setToolTip(tr("Open a model file (.safetensors): also by dragging it onto the window"));
  auto* trainButton = new QPushButton(tr("Train new…"), this);
  trainButton->setToolTip(tr("Train a model on a built-in task or your own TSV file"));
  mSave->setToolTip(tr("Save the trained model to a file"));
  mSave->setObjectName(QStringLiteral("saveModelButton"));

  auto* buttons = new QHBoxLayout;
  buttons->addWidget(open);
  buttons->addWidget(trainButton);
  buttons->addWidget(mSave);
  auto* bundled = new QHBoxLayout;
  bundled->addWidget(mBundledLabel);
  bundled->addWidget(mBundled, 1);

  auto* scroll = new QScrollArea(this);
  scroll->setWidget(mSummary);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 4, 6, 4);
  layout->addLayout(buttons);
  layout->addLayout(bundled);
  layout->addWidget(scroll, 1);

  connect(open, &QPushButton::clicked, this, &ModelPanel::openRequested);
  connect(trainButton, &QPushButton::clicked, this, &ModelPanel::trainRequested);
  connect(mSave, &QPushButton::clicked, this, &ModelPanel::saveRequested);
  connect(mBundled, qOverload<int>(&QComboBox::activated), this, [this](int index) {
    const QString path = mBundled->itemData(index).toString();
    if (!path.isEmpty()) emit bundledRequested(path);
  });
  connect(mDocument, &ModelDocument::modelChanged, this, &ModelPanel::refresh);
  connect(mDocument, &ModelDocument::unsavedChanged, this, &ModelPanel::refresh);
  refreshBundled();
  refresh();
}

void ModelPanel::refreshBundled() {
  mBundled->clear();
  const QList<BundledModel> models = findBundledModels();
  mBundled->addItem(models.isEmpty() ? tr("none in this build") : tr("pick one…"), QString());
  for (const BundledModel& m : models) mBundled->addItem(m.name, m.path);
  mBundled->setEnabled(!models.isEmpty());
}

void ModelPanel::refresh() {
  mSave->setEnabled(mDocument->hasModel());
  mSave->setDefault(mDocument->isUnsaved());
  if (!mDocument->hasModel()) {
    mSummary->setText(
        tr("<b>No model loaded.</b><br>Open a model file, pick a bundled model or "
           "train one: its architecture, sizes and vocabularies will show here."));
    return;
  }
  QString html = modelSummaryHtml(*mDocument->model(), mDocument->displayName());
  if (mDocument->isUnsaved())
    html.prepend(tr("<p style='color:#b00020'>Trained in this session and not saved yet.</p>"));
  mSummary->setText(html);
  const int index = mBundled->findData(mDocument->path());
  mBundled->setCurrentIndex(index < 0 ? 0 : index);
}

}  // namespace attn::ui
