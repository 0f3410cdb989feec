// One sentence saying why a file could not be written, for figure exports and screenshots alike.
#pragma once

#include <QString>

namespace attn::ui {

// "cannot write '<path>': <the likely reason>", checked in the order people usually get it wrong.
QString explainWriteFailure(const QString& path);

}  // namespace attn::ui
