// View ▸ Language: System / English / Français, as radio items.
#pragma once

#include <functional>

#include "language.h"

class QMenu;

namespace attn::ui {

// Adds the Language submenu to `menu`, with `current` checked; `choose` is called with the
// language picked (also when it is the one already checked: the caller decides what changes).
QMenu* addLanguageMenu(QMenu* menu, Language current, std::function<void(Language)> choose);

}  // namespace attn::ui
