// What the app remembers between runs: window layout, colour map, recent files, the last
// sentence and beam width. In-memory only for screenshots and tests, so that they never depend
// on, or change, a user's settings.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <functional>
#include <memory>
#include <optional>

#include "views/colour_maps.h"

class QSettings;

namespace attn::ui {

class Settings : public QObject {
  Q_OBJECT

 public:
  static constexpr int kMaxRecentFiles = 10;

  explicit Settings(QObject* parent = nullptr);       // in memory: defaults, nothing written
  Settings(const QString& iniPath, QObject* parent);  // read from and written to this file
  static Settings* forUser(QObject* parent);          // the user's own settings file
  ~Settings() override;

  bool isPersistent() const { return store_ != nullptr; }

  // The user's colour map, remembered. Choosing one also ends any map shown for now (below):
  // what the user picks is what they see.
  ColourMap colourMap() const;
  void setColourMap(ColourMap map);
  // The map on screen: the user's, unless a mode shows another for now (classroom mode's
  // projector map), which is never stored. nullopt: the user's map again.
  ColourMap shownColourMap() const { return shownForNow_.value_or(colourMap()); }
  void showColourMapForNow(std::optional<ColourMap> map);
  // How a view follows the map on screen: `apply` is called with it now and each time it
  // changes, for as long as `receiver` lives. Views subscribe themselves, so no view is missed.
  void followColourMap(QObject* receiver, std::function<void(ColourMap)> apply) const;

  QStringList recentFiles() const;  // most recent first; models and traces alike
  void addRecentFile(const QString& path);
  void removeRecentFile(const QString& path);
  void clearRecentFiles();

  QByteArray windowGeometry() const;
  QByteArray windowState() const;
  void setWindowLayout(const QByteArray& geometry, const QByteArray& state);

  QString lastInput() const;
  void setLastInput(const QString& text);
  int beamWidth() const;
  void setBeamWidth(int width);

  // View ▸ Merge subwords into words and Decode ▸ Replace unknown words: off unless set.
  bool mergeSubwords() const;
  void setMergeSubwords(bool on);
  bool replaceUnknown() const;
  void setReplaceUnknown(bool on);

  // Classroom mode (ui/teach/classroom_mode.h): whether it is on, and how much it enlarges text.
  bool classroomMode() const;
  void setClassroomMode(bool on);
  double classroomScale() const;  // 1.2 .. 2.5, 1.6 unless set
  void setClassroomScale(double scale);
  // The interface language's key (ui/translations/language.h): "system" unless set.
  QString language() const;
  void setLanguage(const QString& key);

 signals:
  void colourMapChanged(attn::ui::ColourMap map);       // the user's choice
  void shownColourMapChanged(attn::ui::ColourMap map);  // the map on screen
  void recentFilesChanged();

 private:
  QVariant value(const QString& key, const QVariant& fallback = {}) const;
  void setValue(const QString& key, const QVariant& value);

  std::unique_ptr<QSettings> store_;
  QVariantMap memory_;
  std::optional<ColourMap> shownForNow_;
};

}  // namespace attn::ui
