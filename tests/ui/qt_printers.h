// GoogleTest printers for the Qt types the ui tests compare, so failures show text, not bytes.
#pragma once

#include <QColor>
#include <QString>

#include <ostream>

inline void PrintTo(const QString& text, std::ostream* os) {
  *os << '"' << text.toStdString() << '"';
}
inline void PrintTo(const QColor& color, std::ostream* os) {
  *os << color.name().toStdString();
}
// For `EXPECT_...(...) << text` with a QString.
inline std::ostream& operator<<(std::ostream& os, const QString& text) {
  return os << text.toStdString();
}
