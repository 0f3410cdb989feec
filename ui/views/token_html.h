// Tokens as rich text: highlighted by a weight like a marker pen, marked when unknown, or with
// the current output token emphasised. Used by the input box, the step view and the hops view.
#pragma once

#include <QColor>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVector>

#include <string>
#include <vector>

namespace attn::ui {

// Each token on a background from white (weight 0) to the colour map's colour of the weight
// (weight 1), with the text black or white, whichever reads better. `showWeights` adds the
// weight in small print under each token.
QString weightedTokensHtml(const QStringList& tokens, const std::vector<float>& weights,
                           const QVector<QRgb>& colourTable, bool showWeights = false);
QRgb highlightColour(const QVector<QRgb>& colourTable, float weight);

// The source as the model reads it: unknown tokens in red and underlined, added ones in grey.
QString seenTokensHtml(const QStringList& tokens, const QList<bool>& unknown,
                       const QList<bool>& added);

// The output so far: tokens 0..current, the current one in bold; later ones not shown.
QString outputSoFarHtml(const QStringList& tokens, int current);

// Token text as it should be read: spaces visible (char models), HTML escaped.
QString visibleToken(const QString& token);
// The same for plain-text labels (axis ticks): ␣ for a space, ∅ for an empty token.
QStringList displayLabels(const QStringList& tokens);
QStringList displayLabels(const std::vector<std::string>& tokens);
// One token as plain text (lists, combo boxes, table cells): as displayLabels shows it.
QString plainToken(const std::string& token);

}  // namespace attn::ui
