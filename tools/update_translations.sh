#!/usr/bin/env bash
# Refreshes the translation sources (ui/translations/*.ts) from the tr() strings in ui/ and app/:
# new strings are added as "unfinished", strings gone from the code are dropped, and the ones
# already translated keep their translation. Run it after adding or changing UI text, translate
# the new entries (Qt Linguist, or any editor: they are XML), then rebuild; the build turns the
# .ts files into the .qm files the app embeds. docs/translating.md says more.
#   tools/update_translations.sh          update every .ts
#   tools/update_translations.sh --check  exit 1 if some string has no translation yet
set -euo pipefail
cd "$(dirname "$0")/.."

lupdate=""
for candidate in "${LUPDATE:-}" lupdate6 /usr/lib/qt6/bin/lupdate lupdate; do
  [ -n "$candidate" ] && command -v "$candidate" >/dev/null 2>&1 && { lupdate=$candidate; break; }
done
if [ -z "$lupdate" ]; then
  echo "update_translations: lupdate not found (Debian: apt-get install qt6-l10n-tools)" >&2
  exit 1
fi

ts_files=(ui/translations/attention_studio_*.ts)
if [ "${1:-}" != "--check" ]; then
  # -locations relative: file and line of each string, for the translator's context, relative so
  # the file does not depend on where the tree is checked out.
  "$lupdate" -silent -locations relative -no-obsolete -source-language en \
    ui app/gui app/studio_main.cpp -ts "${ts_files[@]}"
fi

status=0
for ts in "${ts_files[@]}"; do
  # lupdate writes <translation type="unfinished"> for every string still to translate.
  unfinished=$(grep -c 'type="unfinished"' "$ts" || true)
  echo "$ts: $unfinished string(s) to translate"
  [ "$unfinished" -eq 0 ] || status=1
done
[ "${1:-}" = "--check" ] && exit $status
exit 0
