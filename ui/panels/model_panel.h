// ModelPanel: which model is loaded and what it is (architecture, sizes, parameter count,
// vocabularies, what it was trained on), with the ways to get another: open a file, pick a
// bundled one, or train a new one.
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace attn::ui {

class ModelDocument;

class ModelPanel : public QWidget {
  Q_OBJECT

 public:
  explicit ModelPanel(ModelDocument* document, QWidget* parent = nullptr);

  QLabel* summaryLabel() const { return summary_; }
  QComboBox* bundledBox() const { return bundled_; }
  void refreshBundled();

 signals:
  void openRequested();
  void bundledRequested(const QString& path);
  void trainRequested();
  void translationsRequested();  // Train new… ▸ From this computer's translations
  void saveRequested();

 private:
  void refresh();

  ModelDocument* document_;
  QLabel* summary_;
  QComboBox* bundled_;
  QLabel* bundledLabel_;
  QPushButton* save_;
};

}  // namespace attn::ui
