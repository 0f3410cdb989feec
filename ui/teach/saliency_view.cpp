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
      mTraceDoc(trace),
      mModelDoc(model),
      mRunner(new SaliencyRunner(this)),
      mStack(new QStackedWidget(this)),
      mMessage(new QLabel(this)),
      mMeasureBox(new QComboBox(this)),
      mOfBox(new QComboBox(this)),
      mHeader(new QLabel(this)),
      mTokens(new QLabel(this)),
      mNote(new QLabel(this)),
      mPlot(new QCustomPlot(this)) {
  mMessage->setObjectName(QStringLiteral("saliencyMessage"));
  mMessage->setAlignment(Qt::AlignCenter);
  mMessage->setWordWrap(true);
  mMessage->setContentsMargins(24, 12, 24, 12);
  mMeasureBox->setObjectName(QStringLiteral("saliencyMeasure"));
  mMeasureBox->addItem(tr("gradient × input (signed)"));
  mMeasureBox->addItem(tr("gradient norm ‖∂f/∂e‖"));
  mOfBox->setObjectName(QStringLiteral("saliencyOf"));
  mOfBox->addItem(tr("log p of the output token"));
  mOfBox->addItem(tr("logit of the output token"));
  mOfBox->setToolTip(
      tr("f, the number differentiated. A model sure of its token has p ≈ 1, "
         "where log p is flat: the logit then shows better what supports it."));
  for (QLabel* l : {mHeader, mTokens, mNote}) {
    l->setWordWrap(true);
    l->setTextFormat(Qt::RichText);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->setContentsMargins(8, 2, 8, 2);
  }
  mHeader->setObjectName(QStringLiteral("saliencyHeader"));
  mTokens->setObjectName(QStringLiteral("saliencyTokens"));
  mNote->setObjectName(QStringLiteral("saliencyNote"));
  QFont big = mTokens->font();
  big.setPointSizeF(big.pointSizeF() * 1.25);
  mTokens->setFont(big);
  setUpPlot();

  auto* controls = new QHBoxLayout;
  controls->setContentsMargins(8, 4, 8, 0);
  auto* measureLabel = new QLabel(tr("&Measure:"), this);
  measureLabel->setBuddy(mMeasureBox);
  auto* ofLabel = new QLabel(tr("&Of:"), this);
  ofLabel->setBuddy(mOfBox);
  controls->addWidget(measureLabel);
  controls->addWidget(mMeasureBox);
  controls->addWidget(ofLabel);
  controls->addWidget(mOfBox);
  controls->addStretch(1);

  auto* page = new QWidget(this);
  auto* pageLayout = new QVBoxLayout(page);
  pageLayout->setContentsMargins(0, 0, 0, 4);
  pageLayout->addWidget(mHeader);
  pageLayout->addWidget(mTokens);
  pageLayout->addWidget(mPlot, 1);
  pageLayout->addWidget(mNote);
  mStack->addWidget(mMessage);
  mStack->addWidget(page);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(controls);
  layout->addWidget(mStack, 1);

  connect(mTraceDoc, &TraceDocument::traceChanged, this, &SaliencyView::request);
  connect(mTraceDoc, &TraceDocument::stepChanged, this, &SaliencyView::display);
  connect(mModelDoc, &ModelDocument::modelChanged, this, &SaliencyView::request);
  connect(mOfBox, &QComboBox::currentIndexChanged, this, &SaliencyView::request);
  connect(mMeasureBox, &QComboBox::currentIndexChanged, this, &SaliencyView::display);
  connect(mRunner, &SaliencyRunner::finished, this, &SaliencyView::showResult);
  connect(mRunner, &SaliencyRunner::failed, this, [this](const UserError& error) {
    showMessage(tr("No saliency for this trace: %1").arg(error.what));
  });
  request();
}

SaliencyView::~SaliencyView() = default;

void SaliencyView::setUpPlot() {
  mPlot->setObjectName(QStringLiteral("saliencyPlot"));
  mPlot->setMinimumHeight(140);
  mPositive = new QCPBars(mPlot->xAxis, mPlot->yAxis);
  mNegative = new QCPBars(mPlot->xAxis, mPlot->yAxis);
  for (auto [bars, colour] : {std::pair{mPositive, kFor}, std::pair{mNegative, kAgainst}}) {
    bars->setWidth(0.75);
    bars->setPen(Qt::NoPen);
    bars->setBrush(colour);
  }
  auto ticker = QSharedPointer<TokenTicker>::create(mPlot->xAxis);
  mTicker = ticker.data();
  mPlot->xAxis->setTicker(ticker);
  mPlot->xAxis->grid()->setVisible(false);
  mPlot->yAxis->grid()->setPen(QPen(QColor(0xe0, 0xe0, 0xe0), 1, Qt::DotLine));
  mPlot->yAxis->grid()->setZeroLinePen(QPen(QColor(0x60, 0x60, 0x60), 1));
  // The ticker measures the previous layout: after a resize, one more pass (as StepView does).
  connect(mPlot, &QCustomPlot::afterReplot, this, [this, passes = 0]() mutable {
    if (mTicker->isStale() && passes < 2) {
      ++passes;
      mPlot->replot(QCustomPlot::rpQueuedReplot);
    } else {
      passes = 0;
    }
  });
}

SaliencyMeasure SaliencyView::measure() const {
  return mMeasureBox->currentIndex() == 1 ? SaliencyMeasure::GradientNorm
                                          : SaliencyMeasure::GradientTimesInput;
}

SaliencyOf SaliencyView::of() const {
  return mOfBox->currentIndex() == 1 ? SaliencyOf::Logit : SaliencyOf::LogProb;
}

bool SaliencyView::isComputing() const {
  return mRunner->isBusy();
}

QString SaliencyView::modelMissingMessage() const {
  if (mTraceDoc->isExample())
    return tr(
        "The hand-made example has no model behind it, and saliency differentiates a "
        "model. Open a model and decode a sentence.");
  return tr(
      "Saliency differentiates the model that made this trace, and no model is open. "
      "Open that model (File ▸ Open model) and decode the sentence again.");
}

void SaliencyView::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  if (mPending) request();
}

void SaliencyView::request() {
  mResult = nullptr;
  mRunner->cancel();
  // Hidden (another tab on top), nothing is computed: two cores are shared with decoding and
  // training, and the numbers would be stale by the time anyone looks.
  mPending = !isVisible();
  const auto& trace = mTraceDoc->trace();
  if (!trace) {
    showMessage(tr("Decode a sentence to see which source tokens each output token depends on."));
    return;
  }
  if (!mModelDoc->hasModel() || mTraceDoc->isExample()) {
    showMessage(modelMissingMessage());
    return;
  }
  showMessage(tr("Computing the gradients…"));
  if (!mPending) mRunner->start(mModelDoc->model(), trace, of());
}

void SaliencyView::computeNow() {
  const auto& trace = mTraceDoc->trace();
  if (!trace || !mModelDoc->hasModel() || mTraceDoc->isExample()) return request();
  mRunner->cancel();
  mPending = false;
  try {
    // The model on screen is not shared with a running decode here (the command line and
    // captures decode first), so it can be differentiated directly.
    showResult(SaliencyRunner::computeNow(*mModelDoc->model(), trace, of()));
  } catch (const std::exception& e) {
    showMessage(tr("No saliency for this trace: %1").arg(QString::fromUtf8(e.what())));
  }
}

void SaliencyView::showResult(std::shared_ptr<const SaliencyResult> result) {
  if (!result || result->trace != mTraceDoc->trace()) return;  // for a trace no longer shown
  mResult = std::move(result);
  mStack->setCurrentIndex(1);
  display();
}

void SaliencyView::showMessage(const QString& message) {
  mMessage->setText(message);
  mStack->setCurrentWidget(mMessage);
}

std::vector<double> SaliencyView::shownValues() const {
  const int step = mTraceDoc->step();
  if (!mResult || step < 0 || step >= int(mResult->steps.size())) return {};
  return mResult->steps[size_t(step)].saliency.values(measure());
}

std::vector<double> SaliencyView::barValues() const {
  std::vector<std::pair<double, double>> bars;  // (token index, value)
  for (QCPBars* b : {mPositive, mNegative})
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
  const TokenSaliency& s = mResult->steps[size_t(mTraceDoc->step())];
  const QStringList tokens = displayLabels(mTraceDoc->sourceTokens());
  double scale = 0;
  for (double v : values) scale = std::max(scale, std::abs(v));
  const bool signedMeasure = measure() == SaliencyMeasure::GradientTimesInput;
  const bool classifier = mTraceDoc->isClassification();
  const QString target = visibleToken(QString::fromStdString(s.target));
  const double p = std::exp(s.logProb);
  mHeader->setText((classifier ? tr("The class <b>%1</b>").arg(target)
                               : tr("Output step %1 of %2: <b>%3</b>")
                                     .arg(s.step + 1)
                                     .arg(mResult->steps.size())
                                     .arg(target)) +
                   tr(" · log p = %1 (p = %2%) · logit %3")
                       .arg(QString::number(s.logProb, 'g', 3), QString::number(p * 100, 'f', 2),
                            QString::number(s.logit, 'f', 2)));
  mTokens->setText(tokensHtml(tokens, values, scale, signedMeasure));

  QVector<double> posKeys, posValues, negKeys, negValues;
  for (int i = 0; i < int(values.size()); ++i) {
    (values[size_t(i)] < 0 ? negKeys : posKeys) << i;
    (values[size_t(i)] < 0 ? negValues : posValues) << values[size_t(i)];
  }
  mPositive->setData(posKeys, posValues, true);
  mNegative->setData(negKeys, negValues, true);
  mTicker->setLabels(tokens);
  mPlot->xAxis->setRange(-0.6, double(values.size()) - 0.4);
  const double top = scale > 0 ? scale * 1.1 : 1.0;
  mPlot->yAxis->setRange(signedMeasure ? -top : 0.0, top);
  const QString f = s.of == SaliencyOf::Logit ? tr("logit") : tr("log p");
  mPlot->yAxis->setLabel(signedMeasure ? tr("∂ %1 / ∂e · e").arg(f) : tr("‖∂ %1 / ∂e‖").arg(f));
  mPlot->replot(QCustomPlot::rpQueuedReplot);

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
  if (mModelDoc->model() && mModelDoc->model()->arch == Arch::Transformer)
    note += tr(" (emb·√d, without the positions)");
  note += QStringLiteral(". ");
  if (s.of == SaliencyOf::LogProb && p > 0.99)
    note +=
        tr("<i>The model is sure of this token (p ≈ 1), where log p is flat: every gradient "
           "is small. The logit shows better what supports it.</i> ");
  note += tr("Largest |value| %1 · %n step(s) in %2 ms.", nullptr, int(mResult->steps.size()))
              .arg(compact(scale, false), QString::number(mResult->milliseconds, 'f', 1));
  mNote->setText(note);
  emit resultShown();
}

}  // namespace attn::ui
