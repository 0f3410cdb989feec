// Screenshots of a window as the user would see it, for --screenshot, docs and visual checks.
#pragma once

#include <QString>

class QWidget;

namespace attn::ui {

// Brings the widget's plots up to date, grabs it and writes an image whose format follows the
// suffix (.png recommended). Returns an empty string on success, otherwise one sentence.
QString captureWidget(QWidget& widget, const QString& path);

}  // namespace attn::ui
