#include "layer_head_picker.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>

#include "trace/trace.h"

namespace attn::ui {

LayerHeadPicker::LayerHeadPicker(const QString& caption, QWidget* parent)
    : QWidget(parent),
      caption_(new QLabel(caption, this)),
      layerLabel_(new QLabel(tr("layer"), this)),
      layerBox_(new QComboBox(this)),
      headLabel_(new QLabel(tr("head"), this)),
      headBox_(new QComboBox(this)) {
  for (QComboBox* box : {layerBox_, headBox_})
    box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  layerBox_->setToolTip(tr("Deeper layers attend to what earlier layers computed"));
  headBox_->setToolTip(tr("Each head learns its own relations; the mean shows them together"));
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(caption_);
  layout->addWidget(layerLabel_);
  layout->addWidget(layerBox_);
  layout->addWidget(headLabel_);
  layout->addWidget(headBox_);
  for (QComboBox* box : {layerBox_, headBox_})
    connect(box, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
      if (!rebuilding_) emit changed();
    });
  setMap(nullptr, false);
}

void LayerHeadPicker::setMap(const AttentionMap* map, bool hops) {
  const int oldLayer = layer();
  const int oldHead = head();
  rebuilding_ = true;
  layerBox_->clear();
  headBox_->clear();
  const int layers = map ? (hops ? 1 : map->layers) : 0;
  const int heads = map ? map->heads : 0;
  for (int l = 0; l < layers; ++l) layerBox_->addItem(tr("%1 of %2").arg(l + 1).arg(layers), l);
  if (heads > 1)
    headBox_->addItem(hops ? tr("all %1 hops").arg(heads) : tr("mean of %1").arg(heads), -1);
  for (int h = 0; h < heads; ++h)
    headBox_->addItem(hops ? tr("hop %1").arg(h + 1) : tr("%1").arg(h + 1), h);
  const int keepLayer = layerBox_->findData(oldLayer);
  layerBox_->setCurrentIndex(keepLayer >= 0 ? keepLayer : layers - 1);
  const int keepHead = headBox_->findData(oldHead);
  headBox_->setCurrentIndex(keepHead >= 0 ? keepHead : 0);
  layerLabel_->setVisible(layers > 1);
  layerBox_->setVisible(layers > 1);
  headLabel_->setVisible(heads > 1);
  headBox_->setVisible(heads > 1);
  caption_->setVisible(layers > 1 || heads > 1);
  rebuilding_ = false;
}

int LayerHeadPicker::layer() const {
  return layerBox_->count() ? layerBox_->currentData().toInt() : -1;
}

int LayerHeadPicker::head() const {
  return headBox_->count() ? headBox_->currentData().toInt() : -1;
}

void LayerHeadPicker::select(int layer, int head) {
  const int l = layerBox_->findData(layer);
  const int h = headBox_->findData(head);
  rebuilding_ = true;
  if (l >= 0) layerBox_->setCurrentIndex(l);
  if (h >= 0) headBox_->setCurrentIndex(h);
  rebuilding_ = false;
  emit changed();
}

}  // namespace attn::ui
