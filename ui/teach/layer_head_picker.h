// LayerHeadPicker: which layer and head of one attention map to show, as two combo boxes that
// hide themselves when there is nothing to choose (one layer, one head). The head box offers the
// mean over heads first; for the classifier's hops it offers every hop, or one.
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;

namespace attn {
struct AttentionMap;
}

namespace attn::ui {

class LayerHeadPicker : public QWidget {
  Q_OBJECT

 public:
  explicit LayerHeadPicker(const QString& caption, QWidget* parent = nullptr);

  // Keeps the current choice when the new map has it; otherwise the last layer and the mean.
  void setMap(const AttentionMap* map, bool hops);
  int layer() const;  // -1 before any map
  int head() const;   // -1: the mean over heads (or every hop)
  void select(int layer, int head);

  QComboBox* layerBox() const { return layerBox_; }
  QComboBox* headBox() const { return headBox_; }

 signals:
  void changed();

 private:
  QLabel* caption_;
  QLabel* layerLabel_;
  QComboBox* layerBox_;
  QLabel* headLabel_;
  QComboBox* headBox_;
  bool rebuilding_ = false;
};

}  // namespace attn::ui
