#!/usr/bin/env bash
# Installs the dependencies, builds everything and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
./installer/install-deps.sh
build_dir="${EIKONA_BUILD_DIR:-build}"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DEIKONA_BUILD_TESTS=ON
cmake --build "$build_dir" --parallel "$(nproc)"
# The torch-free tests again, built with ASan and UBSan (EIKONA_SANITIZE), in a tree of their own.
sanitize_dir="$build_dir-sanitize"
cmake -S . -B "$sanitize_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEIKONA_BUILD_TESTS=ON \
    -DEIKONA_SANITIZE=ON -DEIKONA_BUILD_BENCHMARKS=OFF -DEIKONA_TEST_CLI="$(realpath "$build_dir")/app/eikona-cli"
cmake --build "$sanitize_dir" --parallel "$(nproc)" --target eikona_sanitized_tests
ctest --test-dir "$build_dir" --output-on-failure --parallel "$(nproc)"
ctest --test-dir "$sanitize_dir" --output-on-failure --parallel "$(nproc)" --label-regex sanitized
