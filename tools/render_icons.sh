#!/usr/bin/env bash
# Renders the app's icon (packaging/icons/<id>.svg, the source) to the PNG sizes of the hicolor
# icon theme, into packaging/icons/<size>/. The PNGs are committed, so that building the app needs
# no SVG renderer; run this again after editing the SVG. Needs rsvg-convert (Debian's
# librsvg2-bin), installed here when missing.
set -euo pipefail
cd "$(dirname "$0")/../packaging/icons"
id=org.attentionstudio.AttentionStudio
if ! command -v rsvg-convert >/dev/null; then
  apt-get install -y -q --no-install-recommends librsvg2-bin
fi
for size in 16 22 24 32 48 64 128 256 512; do
  mkdir -p "${size}x${size}"
  rsvg-convert --width "$size" --height "$size" "$id.svg" --output "${size}x${size}/$id.png"
done
echo "render_icons: PNGs written under packaging/icons/"
