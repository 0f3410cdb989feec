// The language the interface speaks: English (the source text) or French, chosen by the user or
// following the system. Installs the app's translation (built from attention_studio_<lang>.ts and
// embedded under :/i18n) and Qt's own (qtbase_<lang>.qm: the standard buttons and file dialogs).
#pragma once

#include <QList>
#include <QLocale>
#include <QString>

namespace attn::ui {

enum class Language { System, English, French };

QList<Language> allLanguages();          // in menu order: System, English, French
QString languageKey(Language language);  // "system", "en", "fr": stored in the settings
Language languageFromKey(const QString& key, Language fallback = Language::System);
// A language's own name ("English", "Français"), so that anyone can find theirs in the menu
// whatever the interface speaks now. System's label is translated and names what it resolves to.
QString languageLabel(Language language, const QLocale& system = QLocale::system());

// English or French: System becomes the first of the system's UI languages that the app has,
// else English.
Language resolveLanguage(Language choice, const QLocale& system = QLocale::system());

// Replaces the installed translations by those of `language` (resolved first). English needs
// none. Returns false if the app's own translation is missing (a build without it): the interface
// then stays in English. Qt's translation is optional: qtbase_<lang>.qm from Qt's translations
// folder (Debian: qt6-translations-l10n), or else Qt's strings stay English.
bool applyLanguage(Language language, const QLocale& system = QLocale::system());
// English or French: what applyLanguage() installed last (English before any call).
Language appliedLanguage();
// Whether Qt's own translation was found for the applied language (always true for English).
bool qtTranslationLoaded();

}  // namespace attn::ui
