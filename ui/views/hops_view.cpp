#include "views/hops_view.h"

#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "documents/settings.h"
#include "documents/trace_document.h"
#include "documents/trace_math.h"
#include "trace/trace.h"
#include "views/heatmap_view.h"
#include "views/token_html.h"

namespace attn::ui {

HopsView::HopsView(TraceDocument* document, const Settings* settings, QWidget* parent)
    : QWidget(parent),
      document_(document),
      stack_(new QStackedWidget(this)),
      empty_(new QLabel(this)),
      heatmap_(new HeatmapView(this)),
      text_(new QLabel(this)),
      penalty_(new QLabel(this)),
      prediction_(new QLabel(this)) {
  empty_->setAlignment(Qt::AlignCenter);
  empty_->setWordWrap(true);
  empty_->setText(
      tr("Attention hops belong to the structured self-attention classifier "
         "(Lin et al. 2017): r hops read the sentence without any query, and a "
         "penalty keeps them looking at different words.\n\nOpen such a model, or a "
         "trace of one, to see its hops here."));
  for (QLabel* label : {text_, penalty_, prediction_}) {
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setContentsMargins(8, 4, 8, 4);
  }
  text_->setObjectName(QStringLiteral("hopsText"));
  penalty_->setObjectName(QStringLiteral("hopsPenalty"));
  text_->setAlignment(Qt::AlignTop | Qt::AlignLeft);

  auto* details = new QWidget(this);
  auto* detailsLayout = new QVBoxLayout(details);
  detailsLayout->setContentsMargins(0, 0, 0, 0);
  detailsLayout->addWidget(prediction_);
  detailsLayout->addWidget(penalty_);
  auto* scroll = new QScrollArea(details);
  scroll->setWidget(text_);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  detailsLayout->addWidget(scroll, 1);

  auto* splitter = new QSplitter(Qt::Vertical, this);
  splitter->addWidget(heatmap_);
  splitter->addWidget(details);
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 2);
  stack_->addWidget(empty_);
  stack_->addWidget(splitter);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(stack_);

  connect(document_, &TraceDocument::traceChanged, this, &HopsView::refresh);
  refresh();
  if (settings)  // follows the map on screen (documents/settings.h)
    settings->followColourMap(this, [this](ColourMap map) { setColourMap(map); });
}

void HopsView::setColourMap(ColourMap map) {
  colourMap_ = map;
  heatmap_->setColourMap(map);
  refresh();
}

void HopsView::refresh() {
  const MatrixSnapshot m = document_->matrix(MapKind::Hops, 0, 0);
  if (m.rows == 0 ||
      !heatmap_->setMatrix(m.rows, m.cols, m.values, shownRowLabels(m), shownColLabels(m))) {
    stack_->setCurrentWidget(empty_);
    penaltyValue_ = 0;
    return;
  }
  stack_->setCurrentIndex(1);
  heatmap_->setTitle(m.title);
  heatmap_->setAxisTitles(m.colTitle, m.rowTitle);

  const QVector<QRgb> table = colourTable(colourMap_);
  const QStringList tokens = document_->sourceTokens();
  QString html = QStringLiteral("<table cellspacing='4'>");
  std::vector<float> mean(size_t(m.cols), 0.0f);
  for (int r = 0; r < m.rows; ++r) {
    const std::vector<float> row(m.values.begin() + std::ptrdiff_t(r) * m.cols,
                                 m.values.begin() + std::ptrdiff_t(r + 1) * m.cols);
    for (int c = 0; c < m.cols; ++c) mean[size_t(c)] += row[size_t(c)] / float(m.rows);
    html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                .arg(tr("hop %1").arg(r + 1), weightedTokensHtml(tokens, row, table));
  }
  html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr></table>")
              .arg(tr("all hops"), weightedTokensHtml(tokens, mean, table));
  text_->setText(html);

  penaltyValue_ = hopsPenalty(m.values, m.rows, m.cols);
  QString penalty = tr("<b>Penalty</b> ‖AAᵀ − I‖²<sub>F</sub> = <b>%1</b>: 0 when the %2 hops "
                       "each look at one different word, %3 when they all look at the same one.")
                        .arg(QString::number(penaltyValue_, 'f', 3))
                        .arg(m.rows)
                        .arg(m.rows * m.rows - m.rows);
  const auto& trace = *document_->trace();
  if (trace.model.is_object() && trace.model.contains("penalty") &&
      trace.model["penalty"].is_number())
    penalty += tr(" Training adds it to the loss × %1.").arg(trace.model["penalty"].get<double>());
  penalty_->setText(penalty);

  QString prediction;
  if (!trace.targetTokens.empty())
    prediction = tr("<b>Predicted class:</b> %1")
                     .arg(QString::fromStdString(trace.targetTokens.front()).toHtmlEscaped());
  if (!trace.steps.empty() && !trace.steps.front().topK.empty()) {
    QStringList parts;
    for (const TopToken& t : trace.steps.front().topK)
      parts << QStringLiteral("%1 %2%").arg(QString::fromStdString(t.token).toHtmlEscaped(),
                                            QString::number(t.prob * 100, 'f', 1));
    prediction += QStringLiteral(" (") + parts.join(QStringLiteral(", ")) + QStringLiteral(")");
  }
  prediction_->setText(prediction);
  prediction_->setVisible(!prediction.isEmpty());
}

}  // namespace attn::ui
