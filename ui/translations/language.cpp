#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QPointer>
#include <QTranslator>

#include <string>

namespace attn::ui {
namespace {

// lupdate files a tr() call made from a free function under the enclosing namespace
// ("attn::ui"), while such a helper may ask at run time for a class's context
// ("attn::ui::ModelSummary"). When a context has no translation for a text, ask its enclosing
// namespace too, so that those strings are not silently left in English.
class NamespaceFallbackTranslator : public QTranslator {
 public:
  using QTranslator::QTranslator;

  QString translate(const char* context, const char* sourceText, const char* disambiguation,
                    int n) const override {
    QString text = QTranslator::translate(context, sourceText, disambiguation, n);
    if (!text.isNull() || context == nullptr) return text;
    std::string scope(context);
    for (auto cut = scope.rfind("::"); cut != std::string::npos; cut = scope.rfind("::")) {
      scope.resize(cut);
      text = QTranslator::translate(scope.c_str(), sourceText, disambiguation, n);
      if (!text.isNull()) return text;
    }
    return text;
  }
};

struct Installed {
  QPointer<QTranslator> app;
  QPointer<QTranslator> qt;
  Language language = Language::English;
  bool qtLoaded = true;
};

Installed& installed() {
  static Installed state;
  return state;
}

void removeTranslator(QPointer<QTranslator>& translator) {
  if (!translator) return;
  QCoreApplication::removeTranslator(translator);
  delete translator;
}

QString code(Language resolved) {
  return resolved == Language::French ? QStringLiteral("fr") : QStringLiteral("en");
}

}  // namespace

QList<Language> allLanguages() {
  return {Language::System, Language::English, Language::French};
}

QString languageKey(Language language) {
  switch (language) {
    case Language::English:
      return QStringLiteral("en");
    case Language::French:
      return QStringLiteral("fr");
    case Language::System:
      break;
  }
  return QStringLiteral("system");
}

Language languageFromKey(const QString& key, Language fallback) {
  for (Language language : allLanguages())
    if (languageKey(language) == key) return language;
  return fallback;
}

QString languageLabel(Language language, const QLocale& system) {
  switch (language) {
    case Language::English:
      return QStringLiteral("English");
    case Language::French:
      return QStringLiteral("Français");
    case Language::System:
      break;
  }
  return QCoreApplication::translate("attn::ui::Language", "System language (%1)")
      .arg(languageLabel(resolveLanguage(Language::System, system)));
}

Language resolveLanguage(Language choice, const QLocale& system) {
  if (choice != Language::System) return choice;
  // uiLanguages() lists the user's preferences in order ("fr-CA", "fr", "en-US", ...).
  for (const QString& name : system.uiLanguages()) {
    const QLocale::Language language = QLocale(name).language();
    if (language == QLocale::French) return Language::French;
    if (language == QLocale::English) return Language::English;
  }
  return Language::English;
}

bool applyLanguage(Language language, const QLocale& system) {
  Installed& state = installed();
  removeTranslator(state.app);
  removeTranslator(state.qt);
  const Language resolved = resolveLanguage(language, system);
  state.language = Language::English;
  state.qtLoaded = true;
  if (resolved == Language::English) return true;

  auto* app = new NamespaceFallbackTranslator(QCoreApplication::instance());
  if (!app->load(QStringLiteral(":/i18n/attention_studio_%1.qm").arg(code(resolved)))) {
    delete app;
    return false;
  }
  QCoreApplication::installTranslator(app);
  state.app = app;
  state.language = resolved;

  auto* qt = new QTranslator(QCoreApplication::instance());
  state.qtLoaded = qt->load(QStringLiteral("qtbase_%1").arg(code(resolved)),
                            QLibraryInfo::path(QLibraryInfo::TranslationsPath));
  if (state.qtLoaded) {
    QCoreApplication::installTranslator(qt);
    state.qt = qt;
  } else {
    delete qt;
  }
  return true;
}

Language appliedLanguage() {
  return installed().language;
}

bool qtTranslationLoaded() {
  return installed().qtLoaded;
}

}  // namespace attn::ui
