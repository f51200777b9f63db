#!/usr/bin/env bash
# Installs the dependencies, builds Eikona and starts the desktop application.
set -euo pipefail
cd "$(dirname "$0")/.."
./installer/install-deps.sh
build_dir="${EIKONA_BUILD_DIR:-build}"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build "$build_dir" --parallel "$(nproc)" --target eikona eikona-cli
exec "$build_dir/app/eikona" "$@"
