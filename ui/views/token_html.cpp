#include "views/token_html.h"

#include <algorithm>
#include <cmath>

#include "views/colour_maps.h"

namespace attn::ui {

namespace {

QString plainVisible(const QString& token) {
  QString t = token;
  t.replace(QLatin1Char(' '), QChar(0x2423));  // ␣: a char model's space must stay visible
  t.replace(QLatin1Char('\t'), QChar(0x21e5));
  t.replace(QLatin1Char('\n'), QChar(0x21b5));
  if (t.isEmpty()) t = QStringLiteral("∅");
  return t;
}

}  // namespace

QString visibleToken(const QString& token) {
  return plainVisible(token).toHtmlEscaped();
}

QStringList displayLabels(const QStringList& tokens) {
  QStringList out;
  out.reserve(tokens.size());
  for (const QString& t : tokens) out << plainVisible(t);
  return out;
}

QStringList displayLabels(const std::vector<std::string>& tokens) {
  QStringList out;
  out.reserve(qsizetype(tokens.size()));
  for (const std::string& t : tokens) out << QString::fromStdString(t);
  return displayLabels(out);
}

QRgb highlightColour(const QVector<QRgb>& colourTable, float weight) {
  if (!std::isfinite(weight)) return nanColour();
  const double w = std::clamp(double(weight), 0.0, 1.0);
  const QRgb c = colourOf(colourTable, w);
  auto mix = [w](int channel) { return int(std::lround(255 + (channel - 255) * w)); };
  return qRgb(mix(qRed(c)), mix(qGreen(c)), mix(qBlue(c)));
}

QString weightedTokensHtml(const QStringList& tokens, const std::vector<float>& weights,
                           const QVector<QRgb>& colourTable, bool showWeights) {
  QString html;
  for (int i = 0; i < tokens.size(); ++i) {
    const float w = i < int(weights.size()) ? weights[size_t(i)] : 0.0f;
    const QRgb bg = highlightColour(colourTable, w);
    const QString text = visibleToken(tokens[i]);
    if (showWeights) {
      html +=
          QStringLiteral(
              "<span style='background-color:%1;color:%2'>&nbsp;%3&nbsp;</span>"
              "<sub style='color:#606060'>%4</sub> ")
              .arg(QColor(bg).name(), textColourOn(bg).name(), text, QString::number(w, 'f', 2));
    } else {
      html += QStringLiteral("<span style='background-color:%1;color:%2'>&nbsp;%3&nbsp;</span> ")
                  .arg(QColor(bg).name(), textColourOn(bg).name(), text);
    }
  }
  return html;
}

QString seenTokensHtml(const QStringList& tokens, const QList<bool>& unknown,
                       const QList<bool>& added) {
  QString html;
  for (int i = 0; i < tokens.size(); ++i) {
    const QString text = visibleToken(tokens[i]);
    if (added.value(i)) {
      html += QStringLiteral("<span style='color:#808080'><i>%1</i></span> ").arg(text);
    } else if (unknown.value(i)) {
      html += QStringLiteral(
                  "<span style='background-color:#fde2df;color:#b00020;text-decoration:underline'>"
                  "&nbsp;%1&nbsp;</span> ")
                  .arg(text);
    } else {
      html +=
          QStringLiteral("<span style='background-color:#e8eef7'>&nbsp;%1&nbsp;</span> ").arg(text);
    }
  }
  return html;
}

QString outputSoFarHtml(const QStringList& tokens, int current) {
  QString html;
  for (int i = 0; i <= current && i < tokens.size(); ++i) {
    const QString text = visibleToken(tokens[i]);
    html += i == current ? QStringLiteral("<b><u>%1</u></b>").arg(text) : text;
    html += QLatin1Char(' ');
  }
  return html;
}

QString plainToken(const std::string& token) {
  return displayLabels({QString::fromStdString(token)}).value(0);
}

}  // namespace attn::ui
