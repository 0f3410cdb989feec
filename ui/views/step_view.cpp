#include "views/step_view.h"

#include <qcustomplot.h>

#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

#include "documents/settings.h"
#include "documents/trace_document.h"
#include "trace/trace.h"
#include "views/step_controls.h"
#include "views/token_html.h"
#include "views/token_ticker.h"

namespace attn::ui {
namespace {

QLabel* sectionTitle(const QString& text, QWidget* parent) {
  auto* label = new QLabel(text, parent);
  QFont f = label->font();
  f.setBold(true);
  label->setFont(f);
  label->setContentsMargins(0, 6, 0, 0);
  return label;
}

void styleAxis(QCPAxis* axis) {
  axis->grid()->setVisible(false);
  axis->setSubTicks(false);
  axis->setTickLength(0, 3);
}

}  // namespace

StepView::StepView(TraceDocument* document, const Settings* settings, QWidget* parent)
    : QWidget(parent),
      mDocument(document),
      mControls(new StepControls(document, this)),
      mOutput(new QLabel(this)),
      mAttentionTitle(sectionTitle(tr("Attention over the source"), this)),
      mSource(new QLabel(this)),
      mAttentionPlot(new QCustomPlot(this)),
      mTopKTitle(sectionTitle(tr("Next-token probabilities"), this)),
      mTopKPlot(new QCustomPlot(this)),
      mTopKNote(new QLabel(this)) {
  mAttentionTitle->setWordWrap(true);
  for (QLabel* label : {mOutput, mSource, mTopKNote}) {
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  }
  mOutput->setObjectName(QStringLiteral("stepOutput"));
  mSource->setObjectName(QStringLiteral("stepSource"));
  mOutput->setTextFormat(Qt::RichText);
  mSource->setTextFormat(Qt::RichText);
  mTopKNote->setStyleSheet(QStringLiteral("color:#606060"));
  setUpAttentionPlot();
  setUpTopKPlot();

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 4, 6, 6);
  layout->setSpacing(3);
  layout->addWidget(mControls);
  layout->addWidget(sectionTitle(tr("Output so far"), this));
  layout->addWidget(mOutput);
  layout->addWidget(mAttentionTitle);
  layout->addWidget(mSource);
  layout->addWidget(mAttentionPlot, 3);
  layout->addWidget(mTopKTitle);
  layout->addWidget(mTopKNote);
  layout->addWidget(mTopKPlot, 2);
  layout->addStretch(0);

  // The token tickers measure the previous layout (see TokenTicker): after a resize, one more pass.
  for (auto [plot, ticker] :
       {std::pair{mAttentionPlot, mSourceTicker}, std::pair{mTopKPlot, mTopKTicker}}) {
    connect(plot, &QCustomPlot::afterReplot, this, [plot, ticker, passes = 0]() mutable {
      if (ticker->isStale() && passes < 2) {
        ++passes;
        plot->replot(QCustomPlot::rpQueuedReplot);
      } else {
        passes = 0;
      }
    });
  }
  connect(mDocument, &TraceDocument::traceChanged, this, &StepView::refresh);
  connect(mDocument, &TraceDocument::stepChanged, this, &StepView::refresh);
  connect(mDocument, &TraceDocument::mapChanged, this, &StepView::refresh);
  refresh();
  if (settings)  // follows the map on screen (documents/settings.h)
    settings->followColourMap(this, [this](ColourMap map) { setColourMap(map); });
}

StepView::~StepView() = default;

void StepView::setUpAttentionPlot() {
  mAttentionPlot->setMinimumHeight(120);
  mAttentionBars = new QCPBars(mAttentionPlot->xAxis, mAttentionPlot->yAxis);
  mAttentionBars->setWidth(0.8);
  mAttentionBars->setPen(Qt::NoPen);
  auto ticker = QSharedPointer<TokenTicker>::create(mAttentionPlot->xAxis);
  mSourceTicker = ticker.data();
  mAttentionPlot->xAxis->setTicker(ticker);
  styleAxis(mAttentionPlot->xAxis);
  mAttentionPlot->yAxis->setRange(0, 1);  // weights: the same scale at every step
  mAttentionPlot->yAxis->setLabel(tr("weight"));
  mAttentionPlot->yAxis->grid()->setPen(QPen(QColor(0xe0, 0xe0, 0xe0), 1, Qt::DotLine));
  setColourMap(mColourMap);
}

void StepView::setUpTopKPlot() {
  mTopKPlot->setMinimumHeight(110);
  // Horizontal bars: tokens down the left, most probable at the top.
  mTopKBars = new QCPBars(mTopKPlot->yAxis, mTopKPlot->xAxis);
  mChosenBar = new QCPBars(mTopKPlot->yAxis, mTopKPlot->xAxis);
  for (QCPBars* bars : {mTopKBars, mChosenBar}) {
    bars->setWidth(0.7);
    bars->setPen(Qt::NoPen);
  }
  mTopKBars->setBrush(QColor(0x9e, 0xb4, 0xcf));
  mChosenBar->setBrush(QColor(0xe6, 0x55, 0x0d));  // orange: the token the decoder output
  mChosenBar->setName(tr("chosen"));
  auto ticker = QSharedPointer<TokenTicker>::create(mTopKPlot->yAxis);
  mTopKTicker = ticker.data();
  mTopKPlot->yAxis->setTicker(ticker);
  mTopKPlot->yAxis->setRangeReversed(true);
  styleAxis(mTopKPlot->yAxis);
  mTopKPlot->xAxis->setRange(0, 1);
  mTopKPlot->xAxis->setLabel(tr("probability"));
  mTopKPlot->xAxis->grid()->setPen(QPen(QColor(0xe0, 0xe0, 0xe0), 1, Qt::DotLine));
}

void StepView::setColourMap(ColourMap map) {
  mColourMap = map;
  // A middle colour of the map: visible on white, and the same family as the heatmap.
  mAttentionBars->setBrush(
      QColor(colourOf(colourTable(map), map == ColourMap::Greys ? 0.7 : 0.35)));
  refresh();
}

void StepView::refresh() {
  const int step = mDocument->step();
  const QStringList targets = mDocument->targetTokens();
  const QStringList sources = mDocument->sourceTokens();
  const bool classifier = mDocument->isClassification();
  if (!mDocument->hasTrace()) {
    mOutput->setText(tr("<i>Decode a sentence to follow the decoder one token at a time.</i>"));
  } else if (classifier) {
    mOutput->setText(tr("A classifier makes one decision: <b>%1</b>. Its attention is in the "
                        "Hops tab.")
                         .arg(visibleToken(targets.value(0))));
  } else {
    mOutput->setText(outputSoFarHtml(targets, step));
  }

  // This step's attention over the source.
  const std::vector<float> weights = mDocument->stepAttention();
  const bool hasAttention = !weights.empty() && int(weights.size()) == sources.size();
  mAttentionTitle->setVisible(!classifier);
  mSource->setVisible(!classifier);
  mAttentionPlot->setVisible(hasAttention);
  if (hasAttention) {
    const QString which = mDocument->stepAttentionLabel();
    mAttentionTitle->setText(which.isEmpty() ? tr("Attention over the source")
                                             : tr("Attention over the source (%1)").arg(which));
    mSource->setText(weightedTokensHtml(sources, weights, colourTable(mColourMap), true));
    QVector<double> keys, values;
    for (int i = 0; i < int(weights.size()); ++i) {
      keys << i;
      values << weights[size_t(i)];
    }
    mAttentionBars->setData(keys, values, true);
    mSourceTicker->setLabels(displayLabels(sources));
    mAttentionPlot->xAxis->setRange(-0.6, weights.size() - 0.4);
    mAttentionPlot->replot(QCustomPlot::rpQueuedReplot);
  } else if (!classifier) {
    mSource->setText(mDocument->hasTrace()
                         ? tr("<i>This model has no attention: the decoder sees the source only "
                              "through the encoder's final state (the bottleneck).</i>")
                         : QString());
  }

  // The next-token distribution this step's token was drawn from.
  mTopTokens.clear();
  mTopProbabilities.clear();
  const auto& trace = mDocument->trace();
  if (trace && step < int(trace->steps.size()))
    for (const TopToken& t : trace->steps[size_t(step)].topK) {
      mTopTokens << QString::fromStdString(t.token);
      mTopProbabilities.push_back(t.prob);
    }
  const bool hasTopK = !mTopTokens.isEmpty();
  mTopKTitle->setText(classifier ? tr("Class probabilities")
                      : hasTopK  ? tr("Next-token probabilities (top %1)").arg(mTopTokens.size())
                                 : tr("Next-token probabilities"));
  mTopKPlot->setVisible(hasTopK);
  mTopKNote->setVisible(!hasTopK && mDocument->hasTrace());
  mTopKNote->setText(
      tr("This trace holds no probabilities (a trace from elsewhere, or the "
         "hand-made example)."));
  if (hasTopK) {
    const QString chosen = classifier ? targets.value(0) : targets.value(step);
    QVector<double> keys, values, chosenKeys, chosenValues;
    for (int i = 0; i < mTopTokens.size(); ++i) {
      if (mTopTokens[i] == chosen && chosenKeys.isEmpty()) {
        chosenKeys << i;
        chosenValues << mTopProbabilities[size_t(i)];
      } else {
        keys << i;
        values << mTopProbabilities[size_t(i)];
      }
    }
    mTopKBars->setData(keys, values, true);
    mChosenBar->setData(chosenKeys, chosenValues, true);
    QStringList labels;
    for (int i = 0; i < mTopTokens.size(); ++i)
      labels << QStringLiteral("%1  %2%")
                    .arg(displayLabels({mTopTokens[i]}).first())
                    .arg(mTopProbabilities[size_t(i)] * 100, 0, 'f', 1);
    mTopKTicker->setLabels(labels);
    // Bars of a readable thickness, not stretched over the whole panel.
    mTopKPlot->setMaximumHeight(60 + 30 * int(mTopTokens.size()));
    mTopKPlot->yAxis->setRange(-0.5, mTopTokens.size() - 0.5);
    mTopKPlot->replot(QCustomPlot::rpQueuedReplot);
  }
}

QString StepView::outputText() const {
  return mOutput->text();
}

QString StepView::sourceText() const {
  return mSource->text();
}

std::vector<double> StepView::attentionBars() const {
  std::vector<double> values;
  for (auto it = mAttentionBars->data()->constBegin(); it != mAttentionBars->data()->constEnd();
       ++it)
    values.push_back(it->value);
  return values;
}

QStringList StepView::topTokens() const {
  return mTopTokens;
}

std::vector<double> StepView::topProbabilities() const {
  return mTopProbabilities;
}

}  // namespace attn::ui
