#!/usr/bin/env bash
# CTest `install.relocatable` (cmake/install.cmake): installs the build into a temporary prefix
# whose path has a space, moves the whole tree elsewhere (an install must not depend on its
# prefix), and runs the installed programs from there:
#   - both report the version of project();
#   - attention-studio --screenshot opens the installed bundled model: its picture is the same
#     as the build tree's program makes, and different once the installed models are gone (so it
#     did not fall back to the source tree);
#   - attention-cli eval scores the installed dates model as METRICS.json records (exact match 1);
#   - the manual pages and the bash completion are there and work.
# Usage: installed_programs.sh BUILD_DIR VERSION
set -euo pipefail
build=$1
version=$2
export QT_QPA_PLATFORM=offscreen
unset ATTN_MODELS_DIR ATTN_EXPERIMENTS_DIR

work=$(mktemp -d "${TMPDIR:-/tmp}/attn-install-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "install test: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$work/first place" >/dev/null
mv "$work/first place" "$work/moved here"
p="$work/moved here"

for f in bin/attention-cli bin/attention-studio \
         share/attention-studio/models/dates-bahdanau.safetensors \
         share/attention-studio/experiments/bottleneck.json \
         share/applications/org.attentionstudio.AttentionStudio.desktop \
         share/metainfo/org.attentionstudio.AttentionStudio.metainfo.xml \
         share/mime/packages/org.attentionstudio.AttentionStudio.xml \
         share/icons/hicolor/scalable/apps/org.attentionstudio.AttentionStudio.svg \
         share/icons/hicolor/48x48/apps/org.attentionstudio.AttentionStudio.png \
         share/man/man1/attention-studio.1.gz share/man/man1/attention-cli.1.gz \
         share/man/man1/attention-cli-train.1.gz share/man/man1/attention-cli-corpus-gettext.1.gz \
         share/bash-completion/completions/attention-cli \
         share/doc/attention-studio/copyright share/doc/attention-studio/changelog.gz; do
  [ -e "$p/$f" ] || fail "not installed: $f"
done

# One version everywhere.
[ "$("$p/bin/attention-cli" --version)" = "attention-cli $version" ] || fail "attention-cli --version"
[ "$("$p/bin/attention-studio" --version)" = "attention-studio $version" ] ||
  fail "attention-studio --version"
grep -q "<release version=\"$version\"" "$p/share/metainfo/org.attentionstudio.AttentionStudio.metainfo.xml" ||
  fail "the metainfo has no release $version"

# The installed app opens the installed bundled model, exactly as the build tree's opens the
# source tree's. Run from another folder, so that nothing is found relative to the current one.
cd "$work"
"$build/app/attention-studio" --screenshot "$work/built.png" --size 640x400
"$p/bin/attention-studio" --screenshot "$work/installed.png" --size 640x400 ||
  fail "the installed attention-studio --screenshot failed"
cmp -s "$work/built.png" "$work/installed.png" ||
  fail "the installed app did not open the bundled model the build tree's opens"
# Opened as a file manager does it (the desktop entry's %f): a model given alone.
"$p/bin/attention-studio" --screenshot "$work/by-file.png" --size 640x400 \
  "$p/share/attention-studio/models/dates-bahdanau.safetensors" ||
  fail "attention-studio FILE.safetensors failed"

# The installed eval scores the installed dates model: every test date right (METRICS.json).
"$p/bin/attention-cli" eval --model "$p/share/attention-studio/models/dates-bahdanau.safetensors" \
  >"$work/eval.json" || fail "the installed attention-cli eval failed"
grep -q '"exact_match": 1.0,' "$work/eval.json" || fail "eval printed $(cat "$work/eval.json")"
# and finds the installed experiment settings.
"$p/bin/attention-cli" experiment bottleneck --print-settings >"$work/settings.json" ||
  fail "the installed attention-cli found no bundled experiment settings"

# Without the installed models the installed app must not find the source tree's instead.
rm -r "$p/share/attention-studio/models"
if "$p/bin/attention-studio" --screenshot "$work/none.png" --size 640x400 2>/dev/null &&
   cmp -s "$work/built.png" "$work/none.png"; then
  fail "the installed app read the bundled model from the source tree"
fi

# Manual pages: one per subcommand, each a page man can format.
for page in "$p"/share/man/man1/*.1.gz; do
  zcat "$page" | grep -q '^\.TH ' || fail "$page has no .TH line"
  zcat "$page" | grep -q '^\.SH OPTIONS' || fail "$page has no OPTIONS"
done
zcat "$p/share/man/man1/attention-cli-train.1.gz" | grep -q -- '\\-\\-hidden\\-dim' ||
  fail "attention-cli-train(1) does not describe --hidden-dim"

# Bash completion, with the two helpers of bash-completion it calls stubbed.
completion=$(
  _init_completion() { words=("${COMP_WORDS[@]}"); cword=$COMP_CWORD; cur=${words[cword]}; prev=${words[cword-1]}; }
  _filedir() { COMPREPLY=(FILES); }
  complete() { :; }
  source "$p/share/bash-completion/completions/attention-cli"
  COMP_WORDS=(attention-cli tr) COMP_CWORD=1; _attention_cli; echo "${COMPREPLY[*]}"
  COMP_WORDS=(attention-cli train --hidden-d) COMP_CWORD=2; _attention_cli; echo "${COMPREPLY[*]}"
  COMP_WORDS=(attention-cli train --decay "") COMP_CWORD=3; _attention_cli; echo "${COMPREPLY[*]}"
  COMP_WORDS=(attention-cli corpus "") COMP_CWORD=2; _attention_cli; echo "${COMPREPLY[*]}"
  COMP_WORDS=(attention-cli eval --model "") COMP_CWORD=3; _attention_cli; echo "${COMPREPLY[*]}"
)
expected=$'train\n--hidden-dim\nnone linear cosine inverse_sqrt\ngettext\nFILES'
[ "$completion" = "$expected" ] || fail "bash completion gave:
$completion
instead of:
$expected"
echo "install test: passed ($p)"
