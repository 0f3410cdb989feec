#include "layer_head_picker.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>

#include "trace/trace.h"

namespace attn::ui {

LayerHeadPicker::LayerHeadPicker(const QString& caption, QWidget* parent)
    : QWidget(parent),
      mCaption(new QLabel(caption, this)),
      mLayerLabel(new QLabel(tr("layer"), this)),
      mLayerBox(new QComboBox(this)),
      mHeadLabel(new QLabel(tr("head"), this)),
      mHeadBox(new QComboBox(this)) {
  for (QComboBox* box : {mLayerBox, mHeadBox})
    box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  mLayerBox->setToolTip(tr("Deeper layers attend to what earlier layers computed"));
  mHeadBox->setToolTip(tr("Each head learns its own relations; the mean shows them together"));
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(mCaption);
  layout->addWidget(mLayerLabel);
  layout->addWidget(mLayerBox);
  layout->addWidget(mHeadLabel);
  layout->addWidget(mHeadBox);
  for (QComboBox* box : {mLayerBox, mHeadBox})
    connect(box, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
      if (!mRebuilding) emit changed();
    });
  setMap(nullptr, false);
}

void LayerHeadPicker::setMap(const AttentionMap* map, bool hops) {
  const int oldLayer = layer();
  const int oldHead = head();
  mRebuilding = true;
  mLayerBox->clear();
  mHeadBox->clear();
  const int layers = map ? (hops ? 1 : map->layers) : 0;
  const int heads = map ? map->heads : 0;
  for (int l = 0; l < layers; ++l) mLayerBox->addItem(tr("%1 of %2").arg(l + 1).arg(layers), l);
  if (heads > 1)
    mHeadBox->addItem(hops ? tr("all %1 hops").arg(heads) : tr("mean of %1").arg(heads), -1);
  for (int h = 0; h < heads; ++h)
    mHeadBox->addItem(hops ? tr("hop %1").arg(h + 1) : tr("%1").arg(h + 1), h);
  const int keepLayer = mLayerBox->findData(oldLayer);
  mLayerBox->setCurrentIndex(keepLayer >= 0 ? keepLayer : layers - 1);
  const int keepHead = mHeadBox->findData(oldHead);
  mHeadBox->setCurrentIndex(keepHead >= 0 ? keepHead : 0);
  mLayerLabel->setVisible(layers > 1);
  mLayerBox->setVisible(layers > 1);
  mHeadLabel->setVisible(heads > 1);
  mHeadBox->setVisible(heads > 1);
  mCaption->setVisible(layers > 1 || heads > 1);
  mRebuilding = false;
}

int LayerHeadPicker::layer() const {
  return mLayerBox->count() ? mLayerBox->currentData().toInt() : -1;
}

int LayerHeadPicker::head() const {
  return mHeadBox->count() ? mHeadBox->currentData().toInt() : -1;
}

void LayerHeadPicker::select(int layer, int head) {
  const int l = mLayerBox->findData(layer);
  const int h = mHeadBox->findData(head);
  mRebuilding = true;
  if (l >= 0) mLayerBox->setCurrentIndex(l);
  if (h >= 0) mHeadBox->setCurrentIndex(h);
  mRebuilding = false;
  emit changed();
}

}  // namespace attn::ui
