#!/usr/bin/env bash
# Formats every C++ file of the repository as .clang-format says (clang-format 14, Debian 12's).
# `./studio.sh test` fails when a file differs, so run this before committing. Only the files that
# differ are rewritten: rewriting the others would change their times and rebuild everything.
set -euo pipefail
cd "$(dirname "$0")/.."
git ls-files '*.cpp' '*.h' | while read -r f; do
  clang-format "$f" | cmp -s - "$f" || clang-format -i "$f"
done
