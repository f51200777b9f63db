#!/usr/bin/env bash
# Installs everything Eikona needs to build, test and run on Debian 12 (bookworm).
# Idempotent: when every package is already installed it only checks and returns.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config ccache git
  libtorch-dev            # the engine (CPU build of libtorch 1.13.1)
  libdnnl-dev             # oneDNN's matmul for the linear layers (libtorch already uses its library)
  libopenblas0-openmp     # libblas.so.3 -> OpenBLAS: the default reference BLAS is ~15x slower
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6sql6-sqlite
  libgl1-mesa-dev         # Qt6Gui's CMake config asks for OpenGL headers
  libsentencepiece-dev    # runs CLIP's BPE merges
  nlohmann-json3-dev      # JSON (safetensors headers, configs, vocab)
  libicu-dev              # Unicode: normalisation, case mapping, the tokenizer's regex
  libzip-dev              # the gallery's ZIP exports
  zlib1g-dev              # PNG text chunks inflated with a bound (no zip bombs)
  libexiv2-dev            # parameters in JPEG and WebP (EXIF UserComment, XMP), as A1111 writes them
  qt6-image-formats-plugins  # WebP (and TIFF) pictures
  qt6-websockets-dev      # a ComfyUI server's progress and previews (core/comfy)
  nginx-light             # the tests' hub-shaped HTTP server (started by the tests on 127.0.0.1)
  xvfb xdotool imagemagick  # the real-window test: a private X server, real input events, screenshots
  libx11-dev              # the real-window test's XDND drag source
  debootstrap desktop-file-utils appstream  # the package test: a clean Debian root, the entry and metainfo checked
  clang-format-14         # the format check (tests/format_check.sh): one version, one layout
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
