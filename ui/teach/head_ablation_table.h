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

  // The maps of the model's decoding, (kind, layers, heads), in teaching order.
  struct MapShape {
    MapKind kind = MapKind::Cross;
    int layers = 0, heads = 0;
  };
  void setMaps(const std::vector<MapShape>& maps);
  std::vector<HeadAblation> ablations() const;
  void setAblated(MapKind map, int layer, int head, bool ablated);
  void clearAblations();

 signals:
  void ablationsChanged();

 private:
  std::vector<std::pair<MapKind, int>> rows_;  // (map, layer) of each row
};

}  // namespace attn::ui
