// Without usable fonts Qt draws every label as an empty box and says nothing: fail loudly instead.
#include <gtest/gtest.h>

#include <QFont>
#include <QFontMetrics>

TEST(FontGuard, DefaultFontHasLatinLetters) {
  EXPECT_TRUE(QFontMetrics(QFont()).inFont(QChar('A')))
      << "no font with Latin glyphs: install fonts-dejavu-core";
}

TEST(FontGuard, DefaultFontHasTheAccentsAndArrowTheHeatmapShows) {
  const QFontMetrics metrics{QFont()};
  for (const char16_t c : {u'é', u'û', u'→'}) {
    EXPECT_TRUE(metrics.inFont(QChar(c))) << "missing glyph U+" << std::hex << int(c);
  }
}
