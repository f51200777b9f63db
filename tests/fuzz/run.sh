#!/usr/bin/env bash
# Fuzzes every target with libFuzzer under ASan and UBSan, SECONDS each (default 600), JOBS
# targets at a time (default: the cores). New interesting inputs go into the checked-in
# corpus (tests/fuzz/corpus/TARGET, which CI replays); a crash's input is left as
# build-fuzz/findings/TARGET/crash-* and the script exits 1.
#
#   tests/fuzz/run.sh [SECONDS] [TARGET...]
#
# Needs clang-14 and libfuzzer-14-dev (apt-get install clang-14 libfuzzer-14-dev).
set -euo pipefail

seconds=${1:-600}
shift || true
here=$(cd "$(dirname "$0")" && pwd)
build="$here/../../build-fuzz"
jobs=${JOBS:-$(nproc)}

if ! command -v clang++-14 >/dev/null || [[ ! -e /usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a && -z $(ls /usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a 2>/dev/null) ]]; then
    echo "run.sh: needs clang-14 and libfuzzer-14-dev: apt-get install clang-14 libfuzzer-14-dev" >&2
    exit 2
fi
CXX=clang++-14 cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" >/dev/null

targets=("$@")
if ((${#targets[@]} == 0)); then
    targets=()
    for corpus in "$here"/corpus/*/; do targets+=("$(basename "$corpus")"); done
fi

fuzz() {
    local target=$1 findings="$build/findings/$1" scratch="$build/corpus/$1" merged="$build/merged/$1"
    rm -rf "$scratch" "$merged"
    mkdir -p "$findings" "$scratch" "$merged"
    cp "$here/corpus/$target"/* "$scratch/"
    # -rss_limit_mb: the 200 MB of extra memory the limits allow, over the target's own ~100 MB.
    # ASan's quarantine of freed memory (256 MB by default) counts in the RSS: kept small, so
    # the limit measures what the code holds.
    if ! ASAN_OPTIONS=quarantine_size_mb=32 "$build/fuzz_$target" "$scratch" -max_total_time="$seconds" -rss_limit_mb=512 -timeout=5 \
        -max_len=16384 -artifact_prefix="$findings/" -print_final_stats=1 >"$findings/log" 2>&1; then
        echo "$target: FINDING, see $findings/log and $findings/"
        return 1
    fi
    # Back into the checked-in corpus: only inputs that add coverage (small enough to keep).
    "$build/fuzz_$target" -merge=1 "$merged" "$here/corpus/$target" "$scratch" >"$findings/merge.log" 2>&1
    rm -rf "${here:?}/corpus/$target" && cp -r "$merged" "$here/corpus/$target"
    echo "$target: $(grep -E '^stat::number_of_executed_units' "$findings/log" | awk '{print $2}') runs in ${seconds} s," \
        "no finding; corpus $(ls "$here/corpus/$target" | wc -l) inputs"
}

status=0
running=0
for target in "${targets[@]}"; do
    fuzz "$target" &
    if ((++running >= jobs)); then
        wait -n || status=1
        ((running--))
    fi
done
while ((running > 0)); do
    wait -n || status=1
    ((running--))
done
exit $status
