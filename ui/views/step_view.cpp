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
      document_(document),
      controls_(new StepControls(document, this)),
      output_(new QLabel(this)),
      replaced_(new QLabel(this)),
      attentionTitle_(sectionTitle(tr("Attention over the source"), this)),
      source_(new QLabel(this)),
      attentionPlot_(new QCustomPlot(this)),
      topKTitle_(sectionTitle(tr("Next-token probabilities"), this)),
      topKPlot_(new QCustomPlot(this)),
      topKNote_(new QLabel(this)) {
  attentionTitle_->setWordWrap(true);
  for (QLabel* label : {output_, replaced_, source_, topKNote_}) {
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  }
  output_->setObjectName(QStringLiteral("stepOutput"));
  replaced_->setObjectName(QStringLiteral("stepReplacedUnknowns"));
  replaced_->setStyleSheet(QStringLiteral("color:#1f4e8c"));
  replaced_->setTextFormat(Qt::PlainText);  // "<unk>" is text, not a tag
  replaced_->setVisible(false);
  source_->setObjectName(QStringLiteral("stepSource"));
  output_->setTextFormat(Qt::RichText);
  source_->setTextFormat(Qt::RichText);
  topKNote_->setStyleSheet(QStringLiteral("color:#606060"));
  setUpAttentionPlot();
  setUpTopKPlot();

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 4, 6, 6);
  layout->setSpacing(3);
  layout->addWidget(controls_);
  layout->addWidget(sectionTitle(tr("Output so far"), this));
  layout->addWidget(output_);
  layout->addWidget(replaced_);
  layout->addWidget(attentionTitle_);
  layout->addWidget(source_);
  layout->addWidget(attentionPlot_, 3);
  layout->addWidget(topKTitle_);
  layout->addWidget(topKNote_);
  layout->addWidget(topKPlot_, 2);
  layout->addStretch(0);

  // The token tickers measure the previous layout (see TokenTicker): after a resize, one more pass.
  for (auto [plot, ticker] :
       {std::pair{attentionPlot_, sourceTicker_}, std::pair{topKPlot_, topKTicker_}}) {
    connect(plot, &QCustomPlot::afterReplot, this, [plot, ticker, passes = 0]() mutable {
      if (ticker->isStale() && passes < 2) {
        ++passes;
        plot->replot(QCustomPlot::rpQueuedReplot);
      } else {
        passes = 0;
      }
    });
  }
  connect(document_, &TraceDocument::traceChanged, this, &StepView::refresh);
  connect(document_, &TraceDocument::stepChanged, this, &StepView::refresh);
  connect(document_, &TraceDocument::mapChanged, this, &StepView::refresh);
  refresh();
  if (settings)  // follows the map on screen (documents/settings.h)
    settings->followColourMap(this, [this](ColourMap map) { setColourMap(map); });
}

StepView::~StepView() = default;

void StepView::setUpAttentionPlot() {
  attentionPlot_->setMinimumHeight(120);
  attentionBars_ = new QCPBars(attentionPlot_->xAxis, attentionPlot_->yAxis);
  attentionBars_->setWidth(0.8);
  attentionBars_->setPen(Qt::NoPen);
  auto ticker = QSharedPointer<TokenTicker>::create(attentionPlot_->xAxis);
  sourceTicker_ = ticker.data();
  attentionPlot_->xAxis->setTicker(ticker);
  styleAxis(attentionPlot_->xAxis);
  attentionPlot_->yAxis->setRange(0, 1);  // weights: the same scale at every step
  attentionPlot_->yAxis->setLabel(tr("weight"));
  attentionPlot_->yAxis->grid()->setPen(QPen(QColor(0xe0, 0xe0, 0xe0), 1, Qt::DotLine));
  setColourMap(colourMap_);
}

void StepView::setUpTopKPlot() {
  topKPlot_->setMinimumHeight(110);
  // Horizontal bars: tokens down the left, most probable at the top.
  topKBars_ = new QCPBars(topKPlot_->yAxis, topKPlot_->xAxis);
  chosenBar_ = new QCPBars(topKPlot_->yAxis, topKPlot_->xAxis);
  for (QCPBars* bars : {topKBars_, chosenBar_}) {
    bars->setWidth(0.7);
    bars->setPen(Qt::NoPen);
  }
  topKBars_->setBrush(QColor(0x9e, 0xb4, 0xcf));
  chosenBar_->setBrush(QColor(0xe6, 0x55, 0x0d));  // orange: the token the decoder output
  chosenBar_->setName(tr("chosen"));
  auto ticker = QSharedPointer<TokenTicker>::create(topKPlot_->yAxis);
  topKTicker_ = ticker.data();
  topKPlot_->yAxis->setTicker(ticker);
  topKPlot_->yAxis->setRangeReversed(true);
  styleAxis(topKPlot_->yAxis);
  topKPlot_->xAxis->setRange(0, 1);
  topKPlot_->xAxis->setLabel(tr("probability"));
  topKPlot_->xAxis->grid()->setPen(QPen(QColor(0xe0, 0xe0, 0xe0), 1, Qt::DotLine));
}

void StepView::setColourMap(ColourMap map) {
  colourMap_ = map;
  // A middle colour of the map: visible on white, and the same family as the heatmap.
  attentionBars_->setBrush(
      QColor(colourOf(colourTable(map), map == ColourMap::Greys ? 0.7 : 0.35)));
  refresh();
}

void StepView::refreshReplacements() {
  const auto& copied = document_->replacedUnknowns();
  replaced_->setVisible(!copied.empty());
  if (copied.empty()) {
    replaced_->clear();
    return;
  }
  QStringList parts;
  QString here;
  for (const ShownTrace::Copied& c : copied) {
    const QString word = plainToken(c.from);
    parts << tr("step %1: <unk> → %2").arg(c.target + 1).arg(word);
    if (c.target == document_->step())
      here =
          tr(" This step's <unk> is shown as %1, the source token it attends to most.").arg(word);
  }
  replaced_->setText(
      tr("Unknown words replaced (Luong et al. 2015): %1.").arg(parts.join(QStringLiteral(", "))) +
      here);
}

QString StepView::replacementText() const {
  return replaced_->text();
}

void StepView::refresh() {
  const int step = document_->step();
  const QStringList targets = document_->targetTokens();
  const QStringList sources = document_->sourceTokens();
  const bool classifier = document_->isClassification();
  if (!document_->hasTrace()) {
    output_->setText(tr("<i>Decode a sentence to follow the decoder one token at a time.</i>"));
  } else if (classifier) {
    output_->setText(tr("A classifier makes one decision: <b>%1</b>. Its attention is in the "
                        "Hops tab.")
                         .arg(visibleToken(targets.value(0))));
  } else {
    output_->setText(outputSoFarHtml(targets, step));
  }

  refreshReplacements();

  // This step's attention over the source.
  const std::vector<float> weights = document_->stepAttention();
  const bool hasAttention = !weights.empty() && int(weights.size()) == sources.size();
  attentionTitle_->setVisible(!classifier);
  source_->setVisible(!classifier);
  attentionPlot_->setVisible(hasAttention);
  if (hasAttention) {
    const QString which = document_->stepAttentionLabel();
    attentionTitle_->setText(which.isEmpty() ? tr("Attention over the source")
                                             : tr("Attention over the source (%1)").arg(which));
    source_->setText(weightedTokensHtml(sources, weights, colourTable(colourMap_), true));
    QVector<double> keys, values;
    for (int i = 0; i < int(weights.size()); ++i) {
      keys << i;
      values << weights[size_t(i)];
    }
    attentionBars_->setData(keys, values, true);
    sourceTicker_->setLabels(displayLabels(sources));
    attentionPlot_->xAxis->setRange(-0.6, weights.size() - 0.4);
    attentionPlot_->replot(QCustomPlot::rpQueuedReplot);
  } else if (!classifier) {
    source_->setText(document_->hasTrace()
                         ? tr("<i>This model has no attention: the decoder sees the source only "
                              "through the encoder's final state (the bottleneck).</i>")
                         : QString());
  }

  // The next-token distribution this step's token was drawn from.
  topTokens_.clear();
  topProbabilities_.clear();
  const auto& trace = document_->trace();
  if (trace && step < int(trace->steps.size()))
    for (const TopToken& t : trace->steps[size_t(step)].topK) {
      topTokens_ << QString::fromStdString(t.token);
      topProbabilities_.push_back(t.prob);
    }
  const bool hasTopK = !topTokens_.isEmpty();
  topKTitle_->setText(classifier ? tr("Class probabilities")
                      : !hasTopK ? tr("Next-token probabilities")
                      // Merged into words, a step is a word: its choices are those of the word's
                      // first piece, the one that began it.
                      : document_->wordsMerged()
                          ? tr("Next-token probabilities (top %1, for the word's first piece)")
                                .arg(topTokens_.size())
                          : tr("Next-token probabilities (top %1)").arg(topTokens_.size()));
  topKPlot_->setVisible(hasTopK);
  topKNote_->setVisible(!hasTopK && document_->hasTrace());
  topKNote_->setText(
      tr("This trace holds no probabilities (a trace from elsewhere, or the "
         "hand-made example)."));
  if (hasTopK) {
    const QString chosen = classifier ? targets.value(0) : targets.value(step);
    QVector<double> keys, values, chosenKeys, chosenValues;
    for (int i = 0; i < topTokens_.size(); ++i) {
      if (topTokens_[i] == chosen && chosenKeys.isEmpty()) {
        chosenKeys << i;
        chosenValues << topProbabilities_[size_t(i)];
      } else {
        keys << i;
        values << topProbabilities_[size_t(i)];
      }
    }
    topKBars_->setData(keys, values, true);
    chosenBar_->setData(chosenKeys, chosenValues, true);
    QStringList labels;
    for (int i = 0; i < topTokens_.size(); ++i)
      labels << QStringLiteral("%1  %2%")
                    .arg(displayLabels({topTokens_[i]}).first())
                    .arg(topProbabilities_[size_t(i)] * 100, 0, 'f', 1);
    topKTicker_->setLabels(labels);
    // Bars of a readable thickness, not stretched over the whole panel.
    topKPlot_->setMaximumHeight(60 + 30 * int(topTokens_.size()));
    topKPlot_->yAxis->setRange(-0.5, topTokens_.size() - 0.5);
    topKPlot_->replot(QCustomPlot::rpQueuedReplot);
  }
}

QString StepView::outputText() const {
  return output_->text();
}

QString StepView::sourceText() const {
  return source_->text();
}

std::vector<double> StepView::attentionBars() const {
  std::vector<double> values;
  for (auto it = attentionBars_->data()->constBegin(); it != attentionBars_->data()->constEnd();
       ++it)
    values.push_back(it->value);
  return values;
}

QStringList StepView::topTokens() const {
  return topTokens_;
}

std::vector<double> StepView::topProbabilities() const {
  return topProbabilities_;
}

}  // namespace attn::ui
