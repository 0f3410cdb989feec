#include "documents/settings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

#include <algorithm>

namespace attn::ui {
namespace {
const QString kColourMap = QStringLiteral("view/colourMap");
const QString kRecent = QStringLiteral("files/recent");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kLastInput = QStringLiteral("decode/lastInput");
const QString kBeamWidth = QStringLiteral("decode/beamWidth");
const QString kReplaceUnknown = QStringLiteral("decode/replaceUnknown");
const QString kMergeSubwords = QStringLiteral("view/mergeSubwords");
const QString kClassroom = QStringLiteral("view/classroomMode");
const QString kClassroomScale = QStringLiteral("view/classroomScale");
const QString kLanguage = QStringLiteral("view/language");
}  // namespace

Settings::Settings(QObject* parent) : QObject(parent) {}

Settings::Settings(const QString& iniPath, QObject* parent)
    : QObject(parent), store_(std::make_unique<QSettings>(iniPath, QSettings::IniFormat)) {}

Settings* Settings::forUser(QObject* parent) {
  const QSettings user(QSettings::IniFormat, QSettings::UserScope,
                       QStringLiteral("AttentionStudio"), QStringLiteral("attention-studio"));
  return new Settings(user.fileName(), parent);
}

Settings::~Settings() = default;

QVariant Settings::value(const QString& key, const QVariant& fallback) const {
  if (store_) return store_->value(key, fallback);
  return memory_.value(key, fallback);
}

void Settings::setValue(const QString& key, const QVariant& value) {
  if (store_)
    store_->setValue(key, value);
  else
    memory_.insert(key, value);
}

ColourMap Settings::colourMap() const {
  return colourMapFromKey(value(kColourMap).toString());
}

void Settings::setColourMap(ColourMap map) {
  const ColourMap shown = shownColourMap();
  shownForNow_.reset();
  if (map != colourMap() || !value(kColourMap).isValid()) {
    setValue(kColourMap, colourMapKey(map));
    emit colourMapChanged(map);
  }
  if (map != shown) emit shownColourMapChanged(map);
}

void Settings::showColourMapForNow(std::optional<ColourMap> map) {
  const ColourMap shown = shownColourMap();
  shownForNow_ = map;
  if (shownColourMap() != shown) emit shownColourMapChanged(shownColourMap());
}

void Settings::followColourMap(QObject* receiver, std::function<void(ColourMap)> apply) const {
  apply(shownColourMap());
  connect(this, &Settings::shownColourMapChanged, receiver, std::move(apply));
}

QStringList Settings::recentFiles() const {
  return value(kRecent).toStringList();
}

void Settings::addRecentFile(const QString& path) {
  const QString absolute = QFileInfo(path).absoluteFilePath();
  QStringList files = recentFiles();
  files.removeAll(absolute);
  files.prepend(absolute);
  while (files.size() > kMaxRecentFiles) files.removeLast();
  setValue(kRecent, files);
  emit recentFilesChanged();
}

void Settings::removeRecentFile(const QString& path) {
  QStringList files = recentFiles();
  if (files.removeAll(path) == 0) return;
  setValue(kRecent, files);
  emit recentFilesChanged();
}

void Settings::clearRecentFiles() {
  setValue(kRecent, QStringList());
  emit recentFilesChanged();
}

QByteArray Settings::windowGeometry() const {
  return value(kGeometry).toByteArray();
}

QByteArray Settings::windowState() const {
  return value(kState).toByteArray();
}

void Settings::setWindowLayout(const QByteArray& geometry, const QByteArray& state) {
  setValue(kGeometry, geometry);
  setValue(kState, state);
}

QString Settings::lastInput() const {
  return value(kLastInput).toString();
}

void Settings::setLastInput(const QString& text) {
  setValue(kLastInput, text);
}

int Settings::beamWidth() const {
  return std::clamp(value(kBeamWidth, 4).toInt(), 1, 64);
}

void Settings::setBeamWidth(int width) {
  setValue(kBeamWidth, width);
}

bool Settings::mergeSubwords() const {
  return value(kMergeSubwords, false).toBool();
}

void Settings::setMergeSubwords(bool on) {
  setValue(kMergeSubwords, on);
}

bool Settings::replaceUnknown() const {
  return value(kReplaceUnknown, false).toBool();
}

void Settings::setReplaceUnknown(bool on) {
  setValue(kReplaceUnknown, on);
}

bool Settings::classroomMode() const {
  return value(kClassroom, false).toBool();
}

void Settings::setClassroomMode(bool on) {
  setValue(kClassroom, on);
}

double Settings::classroomScale() const {
  bool ok = false;
  const double scale = value(kClassroomScale, 1.6).toDouble(&ok);
  return ok ? std::clamp(scale, 1.2, 2.5) : 1.6;
}

void Settings::setClassroomScale(double scale) {
  setValue(kClassroomScale, scale);
}

QString Settings::language() const {
  return value(kLanguage, QStringLiteral("system")).toString();
}

void Settings::setLanguage(const QString& key) {
  setValue(kLanguage, key);
}

}  // namespace attn::ui
