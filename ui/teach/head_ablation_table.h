// HeadAblationTable: a check box per attention head of the model (a row per map and layer, a
// column per head); the checked heads are ablated at every step when decoding again.
#pragma once

#include <QTableWidget>

#include <vector>

#include "explain/intervention.h"

namespace attn::ui {

class HeadAblationTable : public QTableWidget {
  Q_OBJECT

 public:
  explicit HeadAblationTable(QWidget* parent = nullptr);

  // The maps of the model's decoding, (name, layers, heads), in teaching order.
  struct MapShape {
    std::string name;
    int layers = 0, heads = 0;
  };
  void setMaps(const std::vector<MapShape>& maps);
  std::vector<HeadAblation> ablations() const;
  void setAblated(const std::string& map, int layer, int head, bool ablated);
  void clearAblations();

 signals:
  void ablationsChanged();

 private:
  std::vector<std::pair<std::string, int>> mRows;  // (map, layer) of each row
};

}  // namespace attn::ui
