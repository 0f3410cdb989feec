#include "panels/model_panel.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
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
      document_(document),
      summary_(new QLabel(this)),
      bundled_(new QComboBox(this)),
      bundledLabel_(new QLabel(tr("Bundled"), this)),
      save_(new QPushButton(tr("Save…"), this)) {
  summary_->setObjectName(QStringLiteral("modelSummary"));
  summary_->setWordWrap(true);
  summary_->setTextFormat(Qt::RichText);
  summary_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  summary_->setContentsMargins(2, 2, 2, 2);
  bundled_->setObjectName(QStringLiteral("bundledModels"));
  bundled_->setToolTip(tr("Models trained for the course that come with the app"));

  auto* open = new QPushButton(tr("Open…"), this);
  open->setToolTip(tr("Open a model file (.safetensors): also by dragging it onto the window"));
  auto* trainButton = new QPushButton(tr("Train new…"), this);
  trainButton->setToolTip(tr("Train a model on a built-in task or your own TSV file"));
  trainButton->setObjectName(QStringLiteral("trainNewButton"));
  auto* trainMenu = new QMenu(trainButton);
  trainMenu->addAction(tr("On a task or a corpus file…"), this, &ModelPanel::trainRequested);
  trainMenu
      ->addAction(tr("From this computer's translations…"), this,
                  &ModelPanel::translationsRequested)
      ->setObjectName(QStringLiteral("actionTrainFromTranslations"));
  trainButton->setMenu(trainMenu);
  save_->setToolTip(tr("Save the trained model to a file"));
  save_->setObjectName(QStringLiteral("saveModelButton"));

  auto* buttons = new QHBoxLayout;
  buttons->addWidget(open);
  buttons->addWidget(trainButton);
  buttons->addWidget(save_);
  auto* bundled = new QHBoxLayout;
  bundled->addWidget(bundledLabel_);
  bundled->addWidget(bundled_, 1);

  auto* scroll = new QScrollArea(this);
  scroll->setWidget(summary_);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 4, 6, 4);
  layout->addLayout(buttons);
  layout->addLayout(bundled);
  layout->addWidget(scroll, 1);

  connect(open, &QPushButton::clicked, this, &ModelPanel::openRequested);
  connect(save_, &QPushButton::clicked, this, &ModelPanel::saveRequested);
  connect(bundled_, qOverload<int>(&QComboBox::activated), this, [this](int index) {
    const QString path = bundled_->itemData(index).toString();
    if (!path.isEmpty()) emit bundledRequested(path);
  });
  connect(document_, &ModelDocument::modelChanged, this, &ModelPanel::refresh);
  connect(document_, &ModelDocument::unsavedChanged, this, &ModelPanel::refresh);
  refreshBundled();
  refresh();
}

void ModelPanel::refreshBundled() {
  bundled_->clear();
  const QList<BundledModel> models = findBundledModels();
  bundled_->addItem(models.isEmpty() ? tr("none in this build") : tr("pick one…"), QString());
  for (const BundledModel& m : models) bundled_->addItem(m.name, m.path);
  bundled_->setEnabled(!models.isEmpty());
}

void ModelPanel::refresh() {
  save_->setEnabled(document_->hasModel());
  save_->setDefault(document_->isUnsaved());
  if (!document_->hasModel()) {
    summary_->setText(
        tr("<b>No model loaded.</b><br>Open a model file, pick a bundled model or "
           "train one: its architecture, sizes and vocabularies will show here."));
    return;
  }
  QString html = modelSummaryHtml(*document_->model(), document_->displayName());
  if (document_->isUnsaved())
    html.prepend(tr("<p style='color:#b00020'>Trained in this session and not saved yet.</p>"));
  summary_->setText(html);
  const int index = bundled_->findData(document_->path());
  bundled_->setCurrentIndex(index < 0 ? 0 : index);
}

}  // namespace attn::ui
