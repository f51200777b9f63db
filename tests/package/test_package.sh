#!/usr/bin/env bash
# The .deb on a clean Debian 12: builds the package from the build folder, checks its metadata
# (Depends from dpkg-shlibdeps, the desktop entry, the AppStream file, the man page), installs
# it with apt into a throw-away root made by debootstrap (never the build machine's own
# system), and from the installed files runs `eikona-cli --version`, a tiny-model generation
# and the window's start under Xvfb.
#
# Usage: tests/package/test_package.sh BUILD_DIR [WORK_DIR]
# Needs root (debootstrap, chroot, mounts; sudo otherwise) and Debian's mirror, as apt does.
set -euo pipefail

build_dir=$(realpath "$1")
source_dir=$(realpath "$(dirname "$0")/../..")
work=$(realpath -m "${2:-$build_dir/package-test}")
mirror=${EIKONA_DEBIAN_MIRROR:-http://deb.debian.org/debian}
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi

root="$work/root"
mounted=()
cleanup() {
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do $sudo umount -l "${mounted[$i]}" 2>/dev/null || true; done
  # Never into a mount that did not go: the host's /dev is bound in there.
  $sudo rm -rf --one-file-system "$root"
}
trap cleanup EXIT
fail() { echo "test_package: FAIL: $*" >&2; exit 1; }
step() { echo "test_package: $*"; }

step "making the package"
rm -rf "$work"; mkdir -p "$work"
(cd "$build_dir" && cpack -G DEB -B "$work/cpack" > "$work/cpack.log") || { cat "$work/cpack.log"; fail "cpack"; }
deb=$(ls "$work"/cpack/eikona_*.deb)

step "checking its metadata"
depends=$(dpkg-deb -f "$deb" Depends)
echo "  Depends: $depends"
echo "  Recommends: $(dpkg-deb -f "$deb" Recommends)"
for needed in libtorch libqt6widgets6 libqt6sql6 libqt6network6 libdnnl libsentencepiece libzip libexiv2 libicu \
              qt6-qpa-plugins libqt6sql6-sqlite; do
  [[ $depends == *"$needed"* ]] || fail "Depends lacks $needed"
done
[[ $(dpkg-deb -f "$deb" Recommends) == *libopenblas0-openmp* ]] || fail "OpenBLAS is not recommended"
contents=$(dpkg-deb -c "$deb")
for file in usr/bin/eikona usr/bin/eikona-cli usr/lib/eikona/libeikona_sentencepiece.so \
            usr/share/applications/org.eikona.Eikona.desktop usr/share/metainfo/org.eikona.Eikona.metainfo.xml \
            usr/share/icons/hicolor/scalable/apps/org.eikona.Eikona.svg usr/share/icons/hicolor/256x256/apps/org.eikona.Eikona.png \
            usr/share/icons/hicolor/16x16/apps/org.eikona.Eikona.png usr/share/man/man1/eikona-cli.1.gz \
            usr/share/eikona/sd15/model_index.json; do
  grep -q " ./$file\$" <<< "$contents" || fail "the package lacks /$file"
done
mkdir -p "$work/unpacked"
dpkg-deb -x "$deb" "$work/unpacked"
desktop-file-validate "$work/unpacked/usr/share/applications/org.eikona.Eikona.desktop" || fail "desktop-file-validate"
grep -q '^MimeType=image/png;$' "$work/unpacked/usr/share/applications/org.eikona.Eikona.desktop" || fail "no image/png"
grep -q '^Name\[el\]=\|^Comment\[el\]=' "$work/unpacked/usr/share/applications/org.eikona.Eikona.desktop" || fail "no Greek in the entry"
appstreamcli validate --no-net "$work/unpacked/usr/share/metainfo/org.eikona.Eikona.metainfo.xml" || fail "appstreamcli validate"
zcat "$work/unpacked/usr/share/man/man1/eikona-cli.1.gz" | grep -q '^\.SS generate$' || fail "the man page lacks generate"

step "making a clean Debian 12 root (debootstrap)"
$sudo debootstrap --variant=minbase bookworm "$root" "$mirror" > "$work/debootstrap.log" 2>&1 ||
  { tail -20 "$work/debootstrap.log"; fail "debootstrap"; }
for place in proc sys dev; do
  $sudo mount --bind "/$place" "$root/$place"; mounted+=("$root/$place")
done
$sudo cp /etc/resolv.conf "$root/etc/resolv.conf"
$sudo cp "$deb" "$root/tmp/eikona.deb"
in_root() { $sudo chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

step "installing the package with apt (and Xvfb to start the window)"
in_root apt-get update -qq > "$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt-get update"; }
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq /tmp/eikona.deb xvfb xauth >> "$work/apt.log" 2>&1 ||
  { tail -30 "$work/apt.log"; fail "apt-get install"; }

step "eikona-cli --version"
version=$(in_root eikona-cli --version)
[[ $version == "eikona-cli "* ]] || fail "eikona-cli --version said: $version"
echo "  $version"

step "a tiny-model picture from the installed eikona-cli"
$sudo cp -r "$source_dir/tests/data/tiny-sd15" "$root/tmp/tiny-sd15"
in_root eikona-cli generate --model /tmp/tiny-sd15 --prompt "a lighthouse at dusk" --steps 2 --width 64 --height 64 \
  --seed 7 --no-gallery --out /tmp/picture.png > "$work/generate.log" 2>&1 || { cat "$work/generate.log"; fail "generate"; }
[[ $($sudo head -c 8 "$root/tmp/picture.png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] || fail "no PNG written"

step "the window starts under Xvfb"
in_root env EIKONA_QUIT_WHEN_READY=1 QT_QPA_PLATFORM=xcb timeout 120 xvfb-run -a eikona > "$work/window.log" 2>&1 ||
  { cat "$work/window.log"; fail "the window did not start"; }
grep -q "eikona: window ready" "$work/window.log" || { cat "$work/window.log"; fail "no window"; }

step "passed"
