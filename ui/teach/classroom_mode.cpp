#include "teach/classroom_mode.h"

#include <qcustomplot.h>

#include <QAbstractButton>
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QMenu>
#include <QScrollArea>
#include <QScrollBar>
#include <QSet>

#include <cmath>

#include "documents/session.h"
#include "documents/settings.h"
#include "documents/trace_document.h"
#include "views/heatmap_view.h"
#include "window/main_window.h"

namespace attn::ui {
namespace {

// What each plot's and button's own sizes are scaled to now. Untagged ones were made at the
// scale in force before the change (a plot made during classroom mode took the enlarged
// application font), which is what lets leaving the mode shrink them back too.
const char* const kPlotScale = "attnClassroomFontScale";
const char* const kIconSize = "attnClassroomIconSize";  // the icon size outside classroom mode
const char* const kWidgetScale = "attnClassroomWidgetFontScale";

QFont scaled(QFont font, double factor) {
  // Rounded to hundredths of a point so that going up and back down lands on the same size.
  if (font.pointSizeF() > 0)
    font.setPointSizeF(std::round(font.pointSizeF() * factor * 100.0) / 100.0);
  else if (font.pixelSize() > 0)
    font.setPixelSize(std::max(1, int(std::lround(font.pixelSize() * factor))));
  return font;
}

void scaleAxis(QCPAxis* axis, double factor) {
  axis->setTickLabelFont(scaled(axis->tickLabelFont(), factor));
  axis->setSelectedTickLabelFont(scaled(axis->selectedTickLabelFont(), factor));
  axis->setLabelFont(scaled(axis->labelFont(), factor));
  axis->setSelectedLabelFont(scaled(axis->selectedLabelFont(), factor));
}

void scaleLegend(QCPLegend* legend, double factor) {
  // The legend's setFont() also sets every item's font: keep each item's own size instead.
  QList<std::pair<QFont, QFont>> items;
  for (int i = 0; i < legend->itemCount(); ++i)
    items.append(
        {scaled(legend->item(i)->font(), factor), scaled(legend->item(i)->selectedFont(), factor)});
  legend->setFont(scaled(legend->font(), factor));
  legend->setSelectedFont(scaled(legend->selectedFont(), factor));
  for (int i = 0; i < legend->itemCount(); ++i) {
    legend->item(i)->setFont(items[i].first);
    legend->item(i)->setSelectedFont(items[i].second);
  }
}

// QApplication posts the font and palette changes to the widgets; deliver them now, so that
// the window is consistent when the mode returns (and widgets made next inherit the change).
void deliverApplicationChanges() {
  QCoreApplication::sendPostedEvents(nullptr, QEvent::ApplicationFontChange);
  QCoreApplication::sendPostedEvents(nullptr, QEvent::ApplicationPaletteChange);
}

}  // namespace

void scalePlotFonts(QCustomPlot* plot, double factor) {
  if (!plot || factor <= 0 || std::abs(factor - 1.0) < 1e-9) return;
  QSet<QCPAxis*> axes;
  for (QCPAxisRect* rect : plot->axisRects())
    for (QCPAxis* axis : rect->axes()) axes.insert(axis);
  QSet<QCPLegend*> legends;
  if (plot->legend) legends.insert(plot->legend);
  for (QCPLayoutElement* element : plot->plotLayout()->elements(true)) {
    if (auto* scale = qobject_cast<QCPColorScale*>(element)) {
      axes.insert(scale->axis());
      scale->setBarWidth(std::max(1, int(std::lround(scale->barWidth() * factor))));
    } else if (auto* text = qobject_cast<QCPTextElement*>(element)) {
      text->setFont(scaled(text->font(), factor));
      text->setSelectedFont(scaled(text->selectedFont(), factor));
    } else if (auto* legend = qobject_cast<QCPLegend*>(element)) {
      legends.insert(legend);
    }
  }
  for (QCPAxis* axis : axes) scaleAxis(axis, factor);
  for (QCPLegend* legend : legends) scaleLegend(legend, factor);
  for (int i = 0; i < plot->itemCount(); ++i) {
    if (auto* text = qobject_cast<QCPItemText*>(plot->item(i))) {
      text->setFont(scaled(text->font(), factor));
      text->setSelectedFont(scaled(text->selectedFont(), factor));
    }
  }
  plot->replot(QCustomPlot::rpQueuedReplot);
}

QPalette highContrastPalette() {
  const QColor black(Qt::black);
  const QColor white(Qt::white);
  const QColor selection(0x00, 0x33, 0x99);  // deep blue: white text on it is AAA contrast
  QPalette p;
  for (QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
    const bool disabled = group == QPalette::Disabled;
    const QColor text = disabled ? QColor(0x60, 0x60, 0x60) : black;  // 6:1 on white
    p.setColor(group, QPalette::Window, white);
    p.setColor(group, QPalette::WindowText, text);
    p.setColor(group, QPalette::Base, white);
    p.setColor(group, QPalette::AlternateBase, QColor(0xee, 0xee, 0xee));
    p.setColor(group, QPalette::Text, text);
    p.setColor(group, QPalette::PlaceholderText, QColor(0x50, 0x50, 0x50));
    p.setColor(group, QPalette::Button, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(group, QPalette::ButtonText, text);
    p.setColor(group, QPalette::BrightText, white);
    p.setColor(group, QPalette::Highlight, disabled ? QColor(0x80, 0x80, 0x80) : selection);
    p.setColor(group, QPalette::HighlightedText, white);
    p.setColor(group, QPalette::Link, QColor(0x00, 0x00, 0xcc));
    p.setColor(group, QPalette::LinkVisited, QColor(0x55, 0x00, 0x88));
    p.setColor(group, QPalette::ToolTipBase, QColor(0xff, 0xff, 0xdd));
    p.setColor(group, QPalette::ToolTipText, black);
    // Frames and edges: dark, so that panels and fields stay apart when the image is pale.
    p.setColor(group, QPalette::Light, white);
    p.setColor(group, QPalette::Midlight, QColor(0xd0, 0xd0, 0xd0));
    p.setColor(group, QPalette::Mid, QColor(0x70, 0x70, 0x70));
    p.setColor(group, QPalette::Dark, QColor(0x40, 0x40, 0x40));
    p.setColor(group, QPalette::Shadow, black);
  }
  return p;
}

QList<double> ClassroomMode::offeredScales() {
  return {1.4, 1.6, 1.8, 2.0};
}

ClassroomMode::ClassroomMode(MainWindow* window, QList<QDockWidget*> kept)
    : QObject(window), window_(window), scale_(window->settings()->classroomScale()) {
  for (QDockWidget* dock : kept) kept_ << dock;
  // A new trace brings new text (longer titles, other tokens): make room for it if needed.
  connect(window->session()->traceDocument(), &TraceDocument::traceChanged, this, [this] {
    if (active_) fitKeptDocks(/*growOnly=*/true);
  });
}

ClassroomMode::~ClassroomMode() {
  // The font and palette are the application's: a window that goes away must not leave them.
  if (active_) {
    QApplication::setFont(savedFont_);
    QApplication::setPalette(savedPalette_);
    deliverApplicationChanges();
  }
}

void ClassroomMode::setActive(bool on) {
  if (on == active_) return;
  if (on)
    enter();
  else
    leave();
  active_ = on;
  window_->settings()->setClassroomMode(on);
  syncActions();
  emit activeChanged(on);
}

void ClassroomMode::setScale(double scale) {
  scale_ = std::clamp(scale, 1.2, 2.5);  // as Settings::classroomScale() reads it back
  window_->settings()->setClassroomScale(scale_);
  if (active_) applyScale(scale_);
  syncActions();
}

QByteArray ClassroomMode::normalState() const {
  return active_ ? savedState_ : window_->saveState();
}

void ClassroomMode::enter() {
  savedFont_ = QApplication::font();
  savedPalette_ = QApplication::palette();
  savedState_ = window_->saveState();
  QApplication::setPalette(highContrastPalette());
  applyScale(scale_);
  window_->settings()->showColourMapForNow(kColourMap);  // not the user's choice: not stored
  setHeatmapsForClassroom(true);
  for (QDockWidget* dock : window_->findChildren<QDockWidget*>()) {
    if (dock->parentWidget() != window_) continue;  // not one of the window's own panels
    const bool keep = kept_.contains(QPointer<QDockWidget>(dock));
    dock->setVisible(keep);
    if (keep) dock->setFloating(false);
  }
  fitKeptDocks(/*growOnly=*/false);
}

void ClassroomMode::fitKeptDocks(bool growOnly) {
  // The step view's text and charts need the width that the left panels leave.
  QList<QDockWidget*> kept;
  QList<int> widths;
  for (const QPointer<QDockWidget>& dock : kept_) {
    if (!dock) continue;
    const int width = keptDockWidth(dock);
    if (growOnly && dock->width() >= width) continue;
    kept << dock;
    widths << width;
  }
  if (!kept.isEmpty()) window_->resizeDocks(kept, widths, Qt::Horizontal);
}

int ClassroomMode::keptDockWidth(QDockWidget* dock) const {
  // About a third of the window, more if the panel's large text needs it (panels sit in scroll
  // areas that never scroll sideways, so a narrower dock would cut them off), at most half.
  int width = int(window_->width() * 0.36);
  if (auto* scroll = qobject_cast<QScrollArea*>(dock->widget()); scroll && scroll->widget()) {
    const int content = scroll->widget()->minimumSizeHint().width() +
                        scroll->verticalScrollBar()->sizeHint().width() + 2 * scroll->frameWidth();
    width = std::max(width, content);
  }
  return std::min(width, window_->width() / 2);
}

void ClassroomMode::leave() {
  applyScale(1.0);  // the saved font itself, so the size is exactly the one from before
  QApplication::setPalette(savedPalette_);
  deliverApplicationChanges();
  window_->settings()->showColourMapForNow(std::nullopt);  // the user's map, chosen last
  setHeatmapsForClassroom(false);
  window_->restoreState(savedState_);
  savedState_.clear();
}

void ClassroomMode::applyScale(double scale) {
  // From the saved font each time, never from the current one: sizes never drift.
  if (scale != applied_) {
    QApplication::setFont(scale == 1.0 ? savedFont_ : scaled(savedFont_, scale));
    deliverApplicationChanges();
  }
  scaleExplicitFonts(scale);
  // Qt tells only windows that the application font changed (the others get FontChange); views
  // that size their own font from the application's listen for it, so tell every widget.
  QEvent changed(QEvent::ApplicationFontChange);
  for (QWidget* widget : window_->findChildren<QWidget*>())
    QCoreApplication::sendEvent(widget, &changed);
  for (QCustomPlot* plot : window_->findChildren<QCustomPlot*>()) {
    const QVariant tag = plot->property(kPlotScale);
    const double at = tag.isValid() ? tag.toDouble() : applied_;
    scalePlotFonts(plot, scale / at);
    plot->setProperty(kPlotScale, scale);
  }
  scaleButtonIcons(scale);
  applied_ = scale;
  setDockTitleFonts(scale != 1.0);
}

void ClassroomMode::scaleExplicitFonts(double scale) {
  // A widget given a font of a set size (a view's "larger than the rest" text) keeps that size
  // whatever the application's font: scale it like the plots' fonts.
  for (QWidget* widget : window_->findChildren<QWidget*>()) {
    if (qobject_cast<QDockWidget*>(widget) || !widget->testAttribute(Qt::WA_SetFont) ||
        !(widget->font().resolveMask() & QFont::SizeResolved))
      continue;
    const QVariant tag = widget->property(kWidgetScale);
    const double at = tag.isValid() ? tag.toDouble() : applied_;
    if (std::abs(at - scale) > 1e-9) widget->setFont(scaled(widget->font(), scale / at));
    widget->setProperty(kWidgetScale, scale);
  }
}

void ClassroomMode::setDockTitleFonts(bool large) {
  // QDockWidget draws its title in the font it was made with, unless its own font differs from
  // the application's; so the kept docks get a copy of the large font that differs invisibly.
  for (const QPointer<QDockWidget>& dock : kept_) {
    if (!dock) continue;
    QFont font;  // nothing set: follows the application's font again
    if (large) {
      font = scaled(savedFont_, applied_);
      font.setStyleStrategy(QFont::PreferAntialias);
    }
    dock->setFont(font);
  }
}

void ClassroomMode::scaleButtonIcons(double scale) {
  for (QAbstractButton* button : window_->findChildren<QAbstractButton*>()) {
    if (button->icon().isNull()) continue;
    QVariant normal = button->property(kIconSize);
    if (!normal.isValid()) {
      if (scale == 1.0) continue;  // made during classroom mode at the normal size: leave it
      normal = button->iconSize();
      button->setProperty(kIconSize, normal);
    }
    const QSize size = normal.toSize();
    button->setIconSize(scale == 1.0 ? size : (QSizeF(size) * scale).toSize());
    if (scale == 1.0) button->setProperty(kIconSize, QVariant());
  }
}

void ClassroomMode::setHeatmapsForClassroom(bool on) {
  for (HeatmapView* heatmap : window_->findChildren<HeatmapView*>())
    heatmap->setRowMarkerWidth(on ? kRowMarkerWidth : 2);
}

void ClassroomMode::addActionsTo(QMenu* menu) {
  toggle_ = menu->addAction(tr("Classroom &mode"));
  toggle_->setObjectName(QStringLiteral("actionClassroomMode"));
  toggle_->setCheckable(true);
  toggle_->setShortcuts(
      {QKeySequence(Qt::Key_F11), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)});
  toggle_->setToolTip(tr("Large text, high contrast and the maps given the room: for a projector"));
  connect(toggle_, &QAction::toggled, this, &ClassroomMode::setActive);

  QMenu* sizes = menu->addMenu(tr("Classroom &text size"));
  sizes->setObjectName(QStringLiteral("menuClassroomScale"));
  scaleGroup_ = new QActionGroup(sizes);
  for (double scale : offeredScales()) {
    QAction* a = sizes->addAction(tr("%1%").arg(int(std::lround(scale * 100))));
    a->setCheckable(true);
    a->setData(scale);
    a->setObjectName(QStringLiteral("actionClassroomScale%1").arg(int(std::lround(scale * 100))));
    scaleGroup_->addAction(a);
    connect(a, &QAction::triggered, this, [this, scale] { setScale(scale); });
  }
  syncActions();
}

void ClassroomMode::syncActions() {
  if (toggle_ && toggle_->isChecked() != active_) {
    const QSignalBlocker block(toggle_);
    toggle_->setChecked(active_);
  }
  if (!scaleGroup_) return;
  for (QAction* a : scaleGroup_->actions())
    a->setChecked(std::abs(a->data().toDouble() - scale_) < 1e-6);
}

}  // namespace attn::ui
