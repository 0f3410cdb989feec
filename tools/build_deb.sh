#!/usr/bin/env bash
# Builds the Debian package and proves it on a clean Debian 12 (docs/packaging.md):
#   1. a portable Release build in build-deb/ (x86-64-v3, no tests);
#   2. the desktop entry and the metainfo through their validators;
#   3. `cpack -G DEB` -> build-deb/attention-studio_<version>_amd64.deb, then lintian (no error
#      allowed);
#   4. a minimal Debian 12 made here with debootstrap, in which the package is installed with
#      apt (its dependencies from Debian's archive), `attention-studio --screenshot` and
#      `attention-cli eval` run on a bundled model, and `dpkg -r` must leave no file behind.
# Usage, as root on Debian 12:  tools/build_deb.sh [--skip-chroot] [--keep-chroot]
# Environment: JOBS (default 2), MIRROR (default http://deb.debian.org/debian),
#              ATTN_CPU_BASELINE (default x86-64-v3), ROOTFS_CACHE (a tarball of the fresh
#              debootstrap, made on the first run and reused, so that later runs skip the download).
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$PWD
jobs=${JOBS:-2}
mirror=${MIRROR:-http://deb.debian.org/debian}
baseline=${ATTN_CPU_BASELINE:-x86-64-v3}
rootfs_cache=${ROOTFS_CACHE:-/var/tmp/attention-studio-bookworm-minbase.tar}
skip_chroot=0
keep_chroot=0
for arg in "$@"; do
  case $arg in
    --skip-chroot) skip_chroot=1 ;;
    --keep-chroot) keep_chroot=1 ;;
    *) echo "build_deb: unknown argument $arg (see the comment at the top)" >&2; exit 2 ;;
  esac
done
say() { echo "build_deb: $*"; }
die() { echo "build_deb: error: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || die "run as root: debootstrap and chroot need it"

# The tools this script uses, beyond what studio.sh installs for the build.
tools=(dpkg-dev lintian desktop-file-utils appstream debootstrap)
missing=()
for p in "${tools[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# 1. The portable build.
build=build-deb
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# With the two hardening flags Debian's compiler does not turn on by itself (its stack protector
# and PIE are on by default): checked string and memory functions, and every symbol bound at
# start-up so that the relocation table can be read-only.
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DATTN_NATIVE=OFF \
  -DATTN_CPU_BASELINE="$baseline" -DATTN_BUILD_TESTS=OFF "${launcher[@]}" \
  -DCMAKE_CXX_FLAGS="-D_FORTIFY_SOURCE=2" -DCMAKE_EXE_LINKER_FLAGS="-Wl,-z,relro,-z,now" >/dev/null
cmake --build "$build" -j "$jobs"

# 2. Validators.
app_id=org.attentionstudio.AttentionStudio
say "desktop-file-validate"
desktop-file-validate "packaging/$app_id.desktop"
say "appstreamcli validate"
appstreamcli validate --no-net --explain "$build/packaging/$app_id.metainfo.xml"

# 3. The package and lintian.
rm -f "$build"/attention-studio_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls "$build"/attention-studio_*_amd64.deb)
say "built $deb"
dpkg-deb --field "$deb" Package Version Architecture Depends Recommends Section
say "lintian"
lintian --fail-on error --display-info "$deb" || die "lintian reports errors"

[ $skip_chroot -eq 1 ] && { say "done (no chroot test)"; exit 0; }

# 4. A clean Debian 12: debootstrap's minimal system, nothing of this machine in it.
root=$(mktemp -d /var/tmp/attention-studio-chroot.XXXXXX)
cleanup() {
  for m in proc dev/pts dev; do mountpoint -q "$root/$m" && umount -l "$root/$m"; done
  [ $keep_chroot -eq 1 ] && { say "chroot kept in $root"; return; }
  rm -rf --one-file-system "$root"
}
trap cleanup EXIT
if [ -f "$rootfs_cache" ]; then
  say "unpacking the Debian 12 base system from $rootfs_cache"
  tar -xf "$rootfs_cache" -C "$root"
else
  say "debootstrap bookworm from $mirror (a few minutes)"
  debootstrap --variant=minbase bookworm "$root" "$mirror" >/dev/null
  tar -cf "$rootfs_cache" -C "$root" .
fi
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
cp /etc/resolv.conf "$root/etc/resolv.conf"
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
  LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }
# What the root file system holds, for comparison after removal; the package manager's own
# records and logs change by design.
snapshot() {
  in_root find / -xdev \( -path /proc -o -path /tmp -o -path /var/lib/dpkg -o -path /var/lib/apt \
    -o -path /var/cache -o -path /var/log -o -path /root \) -prune -o -print | sort
}

cp "$deb" "$root/tmp/"
name=$(basename "$deb")
say "apt install ./$name in the clean system"
in_root apt-get update -q >/dev/null
in_root apt-get install -y -q "/tmp/$name" | tail -n 3
# The state to come back to: the dependencies stay, the package goes.
in_root dpkg -r attention-studio >/dev/null
snapshot >"$root/../before-$$.txt"
in_root dpkg -i "/tmp/$name" >/dev/null

say "in the clean system: attention-studio --version, --screenshot; attention-cli eval"
in_root attention-studio --version
in_root attention-cli --version
in_root env QT_QPA_PLATFORM=offscreen attention-studio --screenshot /tmp/shot.png
[ -s "$root/tmp/shot.png" ] || die "no screenshot was written in the chroot"
cp "$root/tmp/shot.png" "$build/chroot-screenshot.png"
in_root attention-cli eval --model /usr/share/attention-studio/models/dates-bahdanau.safetensors \
  | tee "$build/chroot-eval.json"
grep -q '"exact_match": 1.0,' "$build/chroot-eval.json" || die "eval in the chroot scored otherwise"
in_root man -w attention-cli-train 2>/dev/null || true  # man-db is not in a minimal system
in_root test -f /usr/share/applications/$app_id.desktop
if in_root test -x /usr/bin/update-mime-database; then
  in_root test -f /usr/share/mime/application/x-attention-studio-model.xml ||
    die "the MIME database did not learn the model type"
  say "the MIME database knows the model and trace types"
else
  say "no shared-mime-info in this system: the MIME types wait for it (a dpkg trigger)"
fi

say "dpkg -r attention-studio"
in_root dpkg -r attention-studio >/dev/null
# Without conffiles, dpkg forgets a removed package altogether; with them it would keep
# "config-files", which this package must not have.
status=$(in_root dpkg-query -W -f='${Status}' attention-studio 2>/dev/null || true)
case $status in
  "" | *not-installed) ;;
  *) die "after dpkg -r, dpkg still lists attention-studio as: $status" ;;
esac
rm -f "$root/tmp/shot.png"
snapshot >"$root/../after-$$.txt"
if ! diff -u "$root/../before-$$.txt" "$root/../after-$$.txt"; then
  rm -f "$root/../before-$$.txt" "$root/../after-$$.txt"
  die "dpkg -r left the files above behind"
fi
rm -f "$root/../before-$$.txt" "$root/../after-$$.txt"
say "done: $deb installs, runs and removes cleanly on a fresh Debian 12"
