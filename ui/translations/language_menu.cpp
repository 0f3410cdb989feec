#include "language_menu.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QMenu>

namespace attn::ui {

QMenu* addLanguageMenu(QMenu* menu, Language current, std::function<void(Language)> choose) {
  // "Language" also in English whatever the interface speaks, so that someone who cannot read
  // the current language still finds the way back.
  const QString translated = QCoreApplication::translate("attn::ui::Language", "&Language");
  const QString title = QString(translated).remove(QLatin1Char('&')) == QLatin1String("Language")
                            ? translated
                            : translated + QStringLiteral(" (Language)");
  QMenu* languages = menu->addMenu(title);
  languages->setObjectName(QStringLiteral("menuLanguage"));
  auto* group = new QActionGroup(languages);
  for (Language language : allLanguages()) {
    QAction* a = languages->addAction(languageLabel(language));
    a->setObjectName(QStringLiteral("actionLanguage_") + languageKey(language));
    a->setCheckable(true);
    a->setChecked(language == current);
    group->addAction(a);
    QObject::connect(a, &QAction::triggered, languages, [choose, language] { choose(language); });
  }
  return languages;
}

}  // namespace attn::ui
