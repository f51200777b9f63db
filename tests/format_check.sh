#!/usr/bin/env bash
# Every C++ file git tracks is laid out as .clang-format says (clang-format 14, Debian 12's:
# other versions lay out some constructs differently). Fix with:
#   git ls-files '*.cpp' '*.h' | xargs clang-format-14 -i
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v clang-format-14 >/dev/null; then
    echo "format_check: clang-format-14 is missing (installer/install-deps.sh installs it)" >&2
    exit 1
fi
files=$(git ls-files '*.cpp' '*.h')
if ! clang-format-14 --style=file --dry-run --Werror $files; then
    echo "format_check: the files above are not formatted; run: git ls-files '*.cpp' '*.h' | xargs clang-format-14 -i" >&2
    exit 1
fi
echo "format_check: $(wc -w <<<"$files") files formatted"
