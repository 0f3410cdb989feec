#include "teach/saliency_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QShowEvent>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "documents/model_document.h"
#include "documents/trace_document.h"
#include "models/model.h"
#include "teach/saliency_view_runner.h"
#include "trace/trace.h"
#include "views/colour_maps.h"
#include "views/token_html.h"
#include "views/token_ticker.h"

namespace attn::ui {

namespace {

// ColorBrewer's RdBu ends: a diverging pair that colour-blind readers tell apart and that
// stays ordered in greyscale print (both darken away from white).
const QColor kFor(0xb2, 0x18, 0x2b);      // raises the output token's score
const QColor kAgainst(0x21, 0x66, 0xac);  // lowers it

QRgb towards(const QColor& colour, double t) {
  t = std::clamp(t, 0.0, 1.0);
  auto mix = [t](int c) { return int(std::lround(255 + (c - 255) * t)); };
  return qRgb(mix(colour.red()), mix(colour.green()), mix(colour.blue()));
}

// A short number; signed values carry their sign (+ or −), a norm none.
QString compact(double v, bool withSign = true) {
  if (v == 0) return QStringLiteral("0");
  QString s = QString::number(v, std::abs(v) >= 1e-2 && std::abs(v) < 1e3 ? 'f' : 'e',
                              std::abs(v) >= 1e-2 && std::abs(v) < 1e3 ? 3 : 1);
  if (v > 0) return withSign ? QStringLiteral("+") + s : s;
  return s.replace(QLatin1Char('-'), QChar(0x2212));
}

QString tokensHtml(const QStringList& tokens, const std::vector<double>& values, double scale,
                   bool withSign) {
  QString html;
  for (int i = 0; i < tokens.size(); ++i) {
    const double v = i < int(values.size()) ? values[size_t(i)] : 0.0;
    const double t = scale > 0 ? std::abs(v) / scale : 0.0;
    const QRgb bg = towards(v < 0 ? kAgainst : kFor, t);
    html += QStringLiteral(
                "<span style='background-color:%1;color:%2'>&nbsp;%3&nbsp;</span>"
                "<sub style='color:#606060'>%4</sub> ")
                .arg(QColor(bg).name(), textColourOn(bg).name(), visibleToken(tokens[i]),
                     compact(v, withSign));
  }
  return html;
}

}  // namespace

SaliencyView::SaliencyView(TraceDocument* trace, ModelDocument* model, QWidget* parent)
    : QWidget(parent),
      traceDoc_(trace),
      modelDoc_(model),
      runner_(new SaliencyRunner(this)),
      stack_(new QStackedWidget(this)),
      message_(new QLabel(this)),
      measureBox_(new QComboBox(this)),
      ofBox_(new QComboBox(this)),
      header_(new QLabel(this)),
      tokens_(new QLabel(this)),
      note_(new QLabel(this)),
      plot_(new QCustomPlot(this)) {
  message_->setObjectName(QStringLiteral("saliencyMessage"));
  message_->setAlignment(Qt::AlignCenter);
  message_->setWordWrap(true);
  message_->setContentsMargins(24, 12, 24, 12);
  measureBox_->setObjectName(QStringLiteral("saliencyMeasure"));
  measureBox_->addItem(tr("gradient × input (signed)"));
  measureBox_->addItem(tr("gradient norm ‖∂f/∂e‖"));
  ofBox_->setObjectName(QStringLiteral("saliencyOf"));
  // The logit first: a trained model is sure of most tokens (p ≈ 1), where log p is flat and
  // its gradients (near 1e-4) say little; the logit keeps what supports the token readable.
  ofBox_->addItem(tr("logit of the output token"), int(SaliencyOf::Logit));
  ofBox_->addItem(tr("log p of the output token"), int(SaliencyOf::LogProb));
  ofBox_->setToolTip(
      tr("f, the number differentiated. A model sure of its token has p ≈ 1, "
         "where log p is flat: the logit then shows better what supports it."));
  for (QLabel* l : {header_, tokens_, note_}) {
    l->setWordWrap(true);
    l->setTextFormat(Qt::RichText);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->setContentsMargins(8, 2, 8, 2);
  }
  header_->setObjectName(QStringLiteral("saliencyHeader"));
  tokens_->setObjectName(QStringLiteral("saliencyTokens"));
  note_->setObjectName(QStringLiteral("saliencyNote"));
  QFont big = tokens_->font();
  big.setPointSizeF(big.pointSizeF() * 1.25);
  tokens_->setFont(big);
  setUpPlot();

  auto* controls = new QHBoxLayout;
  controls->setContentsMargins(8, 4, 8, 0);
  auto* measureLabel = new QLabel(tr("&Measure:"), this);
  measureLabel->setBuddy(measureBox_);
  auto* ofLabel = new QLabel(tr("&Of:"), this);
  ofLabel->setBuddy(ofBox_);
  controls->addWidget(measureLabel);
  controls->addWidget(measureBox_);
  controls->addWidget(ofLabel);
  controls->addWidget(ofBox_);
  controls->addStretch(1);

  auto* page = new QWidget(this);
  auto* pageLayout = new QVBoxLayout(page);
  pageLayout->setContentsMargins(0, 0, 0, 4);
  pageLayout->addWidget(header_);
  pageLayout->addWidget(tokens_);
  pageLayout->addWidget(plot_, 1);
  pageLayout->addWidget(note_);
  stack_->addWidget(message_);
  stack_->addWidget(page);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(controls);
  layout->addWidget(stack_, 1);

  connect(traceDoc_, &TraceDocument::traceChanged, this, &SaliencyView::request);
  connect(traceDoc_, &TraceDocument::stepChanged, this, &SaliencyView::display);
  connect(modelDoc_, &ModelDocument::modelChanged, this, &SaliencyView::request);
  connect(ofBox_, &QComboBox::currentIndexChanged, this, &SaliencyView::request);
  connect(measureBox_, &QComboBox::currentIndexChanged, this, &SaliencyView::display);
  connect(runner_, &SaliencyRunner::finished, this, &SaliencyView::showResult);
  connect(runner_, &SaliencyRunner::failed, this, [this](const UserError& error) {
    showMessage(tr("No saliency for this trace: %1").arg(error.what));
  });
  request();
}

SaliencyView::~SaliencyView() = default;

void SaliencyView::setUpPlot() {
  plot_->setObjectName(QStringLiteral("saliencyPlot"));
  plot_->setMinimumHeight(140);
  positive_ = new QCPBars(plot_->xAxis, plot_->yAxis);
  negative_ = new QCPBars(plot_->xAxis, plot_->yAxis);
  for (auto [bars, colour] : {std::pair{positive_, kFor}, std::pair{negative_, kAgainst}}) {
    bars->setWidth(0.75);
    bars->setPen(Qt::NoPen);
    bars->setBrush(colour);
  }
  auto ticker = QSharedPointer<TokenTicker>::create(plot_->xAxis);
  ticker_ = ticker.data();
  plot_->xAxis->setTicker(ticker);
  plot_->xAxis->grid()->setVisible(false);
  plot_->yAxis->grid()->setPen(QPen(QColor(0xe0, 0xe0, 0xe0), 1, Qt::DotLine));
  plot_->yAxis->grid()->setZeroLinePen(QPen(QColor(0x60, 0x60, 0x60), 1));
  // The ticker measures the previous layout: after a resize, one more pass (as StepView does).
  connect(plot_, &QCustomPlot::afterReplot, this, [this, passes = 0]() mutable {
    if (ticker_->isStale() && passes < 2) {
      ++passes;
      plot_->replot(QCustomPlot::rpQueuedReplot);
    } else {
      passes = 0;
    }
  });
}

SaliencyMeasure SaliencyView::measure() const {
  return measureBox_->currentIndex() == 1 ? SaliencyMeasure::GradientNorm
                                          : SaliencyMeasure::GradientTimesInput;
}

SaliencyOf SaliencyView::of() const {
  return SaliencyOf(ofBox_->currentData().toInt());
}

bool SaliencyView::isComputing() const {
  return runner_->isBusy();
}

QString SaliencyView::modelMissingMessage() const {
  if (traceDoc_->isExample())
    return tr(
        "The hand-made example has no model behind it, and saliency differentiates a "
        "model. Open a model and decode a sentence.");
  return tr(
      "Saliency differentiates the model that made this trace, and no model is open. "
      "Open that model (File ▸ Open model) and decode the sentence again.");
}

void SaliencyView::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  if (pending_) request();
}

void SaliencyView::request() {
  result_ = nullptr;
  runner_->cancel();
  // Hidden (another tab on top), nothing is computed: two cores are shared with decoding and
  // training, and the numbers would be stale by the time anyone looks.
  pending_ = !isVisible();
  const auto& trace = traceDoc_->trace();
  if (!trace) {
    showMessage(tr("Decode a sentence to see which source tokens each output token depends on."));
    return;
  }
  if (!modelDoc_->hasModel() || traceDoc_->isExample()) {
    showMessage(modelMissingMessage());
    return;
  }
  showMessage(tr("Computing the gradients…"));
  if (!pending_) runner_->start(modelDoc_->model(), trace, of());
}

void SaliencyView::computeNow() {
  const auto& trace = traceDoc_->trace();
  if (!trace || !modelDoc_->hasModel() || traceDoc_->isExample()) return request();
  runner_->cancel();
  pending_ = false;
  try {
    // The model on screen is not shared with a running decode here (the command line and
    // captures decode first), so it can be differentiated directly.
    showResult(SaliencyRunner::computeNow(*modelDoc_->model(), trace, of()));
  } catch (const std::exception& e) {
    showMessage(tr("No saliency for this trace: %1").arg(QString::fromUtf8(e.what())));
  }
}

void SaliencyView::showResult(std::shared_ptr<const SaliencyResult> result) {
  if (!result || result->trace != traceDoc_->trace()) return;  // for a trace no longer shown
  result_ = std::move(result);
  stack_->setCurrentIndex(1);
  display();
}

void SaliencyView::showMessage(const QString& message) {
  message_->setText(message);
  stack_->setCurrentWidget(message_);
}

std::vector<double> SaliencyView::shownValues() const {
  const int step = traceDoc_->step();
  if (!result_ || step < 0 || step >= int(result_->steps.size())) return {};
  return result_->steps[size_t(step)].saliency.values(measure());
}

std::vector<double> SaliencyView::barValues() const {
  std::vector<std::pair<double, double>> bars;  // (token index, value)
  for (QCPBars* b : {positive_, negative_})
    for (auto it = b->data()->constBegin(); it != b->data()->constEnd(); ++it)
      bars.emplace_back(it->key, it->value);
  std::sort(bars.begin(), bars.end());
  std::vector<double> values;
  for (const auto& [key, value] : bars) values.push_back(value);
  return values;
}

void SaliencyView::display() {
  const std::vector<double> values = shownValues();
  if (values.empty()) return;
  const TokenSaliency& s = result_->steps[size_t(traceDoc_->step())];
  const QStringList tokens = displayLabels(traceDoc_->sourceTokens());
  double scale = 0;
  for (double v : values) scale = std::max(scale, std::abs(v));
  const bool signedMeasure = measure() == SaliencyMeasure::GradientTimesInput;
  const bool classifier = traceDoc_->isClassification();
  const QString target = visibleToken(QString::fromStdString(s.target));
  const double p = std::exp(s.logProb);
  header_->setText((classifier ? tr("The class <b>%1</b>").arg(target)
                               : tr("Output step %1 of %2: <b>%3</b>")
                                     .arg(s.step + 1)
                                     .arg(result_->steps.size())
                                     .arg(target)) +
                   tr(" · log p = %1 (p = %2%) · logit %3")
                       .arg(QString::number(s.logProb, 'g', 3), QString::number(p * 100, 'f', 2),
                            QString::number(s.logit, 'f', 2)));
  tokens_->setText(tokensHtml(tokens, values, scale, signedMeasure));

  QVector<double> posKeys, posValues, negKeys, negValues;
  for (int i = 0; i < int(values.size()); ++i) {
    (values[size_t(i)] < 0 ? negKeys : posKeys) << i;
    (values[size_t(i)] < 0 ? negValues : posValues) << values[size_t(i)];
  }
  positive_->setData(posKeys, posValues, true);
  negative_->setData(negKeys, negValues, true);
  ticker_->setLabels(tokens);
  plot_->xAxis->setRange(-0.6, double(values.size()) - 0.4);
  const double top = scale > 0 ? scale * 1.1 : 1.0;
  plot_->yAxis->setRange(signedMeasure ? -top : 0.0, top);
  const QString f = s.of == SaliencyOf::Logit ? tr("logit") : tr("log p");
  plot_->yAxis->setLabel(signedMeasure ? tr("∂ %1 / ∂e · e").arg(f) : tr("‖∂ %1 / ∂e‖").arg(f));
  plot_->replot(QCustomPlot::rpQueuedReplot);

  QString note =
      signedMeasure ? tr("<b>Gradient × input</b> Σ<sub>d</sub> ∂f/∂e<sub>jd</sub>·e<sub>jd</sub>: "
                         "to first order, how much token j's vector adds to f "
                         "(<span style='color:%1'>red raises it</span>, "
                         "<span style='color:%2'>blue lowers it</span>).")
                          .arg(kFor.name(), kAgainst.name())
                    : tr("<b>Gradient norm</b> ‖∂f/∂e<sub>j</sub>‖: how sensitive f is to token "
                         "j's vector, whatever the direction.");
  note += tr(" f = the %1 of «%2»; e<sub>j</sub> is the vector the encoder reads for token j")
              .arg(f, target);
  if (modelDoc_->model() && modelDoc_->model()->arch == Arch::Transformer)
    note += tr(" (emb·√d, without the positions)");
  note += QStringLiteral(". ");
  if (s.of == SaliencyOf::LogProb && p > 0.99)
    note +=
        tr("<i>The model is sure of this token (p ≈ 1), where log p is flat: every gradient "
           "is small. The logit shows better what supports it.</i> ");
  note += tr("Largest |value| %1 · %n step(s) in %2 ms.", nullptr, int(result_->steps.size()))
              .arg(compact(scale, false), QString::number(result_->milliseconds, 'f', 1));
  note_->setText(note);
  emit resultShown();
}

}  // namespace attn::ui
