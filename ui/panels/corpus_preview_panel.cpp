#include "panels/corpus_preview_panel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

#include "views/length_histogram.h"

namespace attn::ui {
namespace {

QString previewTokenText(const std::vector<std::string>& tokens) {
  QStringList list;
  for (const std::string& t : tokens) list << QString::fromStdString(t);
  return list.join(QStringLiteral(" · "));  // a visible boundary: spaces can be part of a token
}

QString previewCount(int64_t n) {
  return QLocale().toString(qlonglong(n));
}

QLabel* previewLabel(QWidget* parent, const QString& objectName) {
  auto* label = new QLabel(parent);
  label->setObjectName(objectName);
  label->setWordWrap(true);
  label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  return label;
}

}  // namespace

CorpusPreviewPanel::CorpusPreviewPanel(QWidget* parent)
    : QWidget(parent),
      status_(previewLabel(this, QStringLiteral("previewStatus"))),
      counts_(previewLabel(this, QStringLiteral("previewCounts"))),
      warnings_(previewLabel(this, QStringLiteral("previewWarnings"))),
      table_(new QTableWidget(0, 4, this)),
      histogram_(new LengthHistogram(this)) {
  table_->setObjectName(QStringLiteral("previewTable"));
  table_->setHorizontalHeaderLabels(
      {tr("source"), tr("target"), tr("source tokens"), tr("target tokens")});
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  table_->verticalHeader()->setVisible(false);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setWordWrap(true);
  histogram_->setObjectName(QStringLiteral("lengthHistogram"));
  warnings_->setStyleSheet(QStringLiteral("color:#9a5b00"));
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(status_);
  layout->addWidget(counts_);
  layout->addWidget(warnings_);
  layout->addWidget(table_, 3);
  layout->addWidget(histogram_, 2);
  showProblem(tr("Choose a corpus file in the form to see its first lines, tokens and counts."));
}

void CorpusPreviewPanel::showWorking() {
  status_->setStyleSheet(QString());
  status_->setText(tr("Reading the corpus…"));
}

void CorpusPreviewPanel::showProblem(const QString& problem) {
  status_->setStyleSheet(QStringLiteral("color:#b00020"));
  status_->setText(problem);
  counts_->clear();
  warnings_->clear();
  table_->setRowCount(0);
  histogram_->clear();
}

void CorpusPreviewPanel::showPreview(const CorpusPreview& p,
                                     const data::VocabularyOptions& vocabulary) {
  status_->setStyleSheet(QString());
  status_->setText(p.sampled < p.pairs
                       ? tr("Counts from the first %1 of %2 pairs.")
                             .arg(previewCount(p.sampled), previewCount(p.pairs))
                       : tr("Counts from all %1 pairs.").arg(previewCount(p.pairs)));
  QStringList lines;
  lines << tr("%1 pairs").arg(previewCount(p.pairs));
  if (p.duplicates > 0)
    lines.back() += tr(" (%1 duplicates left out)").arg(previewCount(p.duplicates));
  lines << tr("vocabularies: source %1, target %2 (special tokens included)")
               .arg(previewCount(p.sourceVocabulary), previewCount(p.targetVocabulary));
  const QString limit = vocabulary.maxSize > 0 ? previewCount(vocabulary.maxSize) : tr("none");
  lines << tr("unknown tokens in held-out text: %1% (min frequency %2, max vocabulary %3)")
               .arg(QLocale().toString(p.unknownShare * 100, 'f', 1))
               .arg(vocabulary.minFrequency)
               .arg(limit);
  if (p.longSources + p.longTargets > 0)
    lines << tr("over the length bounds: %1 sources, %2 targets")
                 .arg(previewCount(p.longSources), previewCount(p.longTargets));
  counts_->setText(lines.join(QStringLiteral("\n")));
  QStringList warnings;
  for (const std::string& w : p.warnings) warnings << QString::fromStdString(w);
  warnings_->setText(warnings.join(QStringLiteral("\n")));
  table_->setRowCount(int(p.lines.size()));
  for (int r = 0; r < int(p.lines.size()); ++r) {
    const PreviewLine& line = p.lines[size_t(r)];
    const QString cells[] = {
        QString::fromStdString(line.source), QString::fromStdString(line.target),
        previewTokenText(line.sourceTokens), previewTokenText(line.targetTokens)};
    for (int c = 0; c < 4; ++c) table_->setItem(r, c, new QTableWidgetItem(cells[c]));
  }
  table_->resizeRowsToContents();
  histogram_->setLengths(p.sourceLengths, p.targetLengths);
}

}  // namespace attn::ui
