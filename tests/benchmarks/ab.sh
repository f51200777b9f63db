#!/usr/bin/env bash
# Compares two eikona-bench runs on a shared, noisy machine: runs A and B interleaved
# (A B, then B A, ...) so that drift in the machine's load falls on both, then prints for each
# row of the bench's table the median and range of A and of B and the ratio of the medians.
#
#   tests/benchmarks/ab.sh [-n ROUNDS] [-r PATTERN] 'COMMAND A' 'COMMAND B'
#
#   -n ROUNDS   rounds of one A and one B run (default 3)
#   -r PATTERN  only the rows whose name matches this grep pattern (default: every row)
#
# Example: channels-last VAE decode against planar, three rounds:
#   tests/benchmarks/ab.sh -n 3 -r 'VAE decode' \
#     'EIKONA_VAE_CHANNELS_LAST=0 build/tests/benchmarks/eikona-bench --model M --sizes 512 --steps 3 --only-vae' \
#     'build/tests/benchmarks/eikona-bench --model M --sizes 512 --steps 3 --only-vae'
set -euo pipefail

rounds=3
pattern='.'
while getopts "n:r:" option; do
    case "$option" in
    n) rounds="$OPTARG" ;;
    r) pattern="$OPTARG" ;;
    *) exit 2 ;;
    esac
done
shift $((OPTIND - 1))
if [[ $# -ne 2 || ! "$rounds" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: $0 [-n ROUNDS] [-r PATTERN] 'COMMAND A' 'COMMAND B'" >&2
    exit 2
fi
declare -A command=([A]="$1" [B]="$2")

results=$(mktemp)
trap 'rm -f "$results"' EXIT

# Appends "SIDE<TAB>ROW<TAB>SECONDS" for every timed row of one run.
run() {
    local side=$1 output
    echo "round $round: $side" >&2
    if ! output=$(bash -c "${command[$side]}" 2>&1); then
        echo "$output" >&2
        echo "$0: command $side failed" >&2
        exit 1
    fi
    awk -F'|' -v side="$side" '
        NF >= 4 && $3 ~ / s *$/ {
            name = $2; gsub(/^ +| +$/, "", name)
            seconds = $3; gsub(/ s *$|^ +/, "", seconds)
            print side "\t" name "\t" seconds
        }' <<<"$output" | grep -P "^[AB]\t.*$pattern" >>"$results" || true
}

for ((round = 1; round <= rounds; ++round)); do
    if ((round % 2)); then run A; run B; else run B; run A; fi
done

# Rows in the order the bench printed them; for each, medians, ranges and the ratio.
awk -F'\t' '
    function median(list, n,    sorted, i, j, t) {
        for (i = 1; i <= n; ++i) sorted[i] = list[i]
        for (i = 2; i <= n; ++i)
            for (j = i; j > 1 && sorted[j - 1] > sorted[j]; --j) { t = sorted[j]; sorted[j] = sorted[j - 1]; sorted[j - 1] = t }
        low = sorted[1]; high = sorted[n]
        return n % 2 ? sorted[(n + 1) / 2] : (sorted[n / 2] + sorted[n / 2 + 1]) / 2
    }
    {
        if (!($2 in seen)) { seen[$2] = 1; order[++rows] = $2 }
        count[$1, $2]++
        value[$1, $2, count[$1, $2]] = $3
    }
    END {
        printf "| %-40s | %-24s | %-24s | %s\n", "row", "A median (range)", "B median (range)", "B / A"
        for (r = 1; r <= rows; ++r) {
            name = order[r]
            for (s = 0; s < 2; ++s) {
                side = s ? "B" : "A"
                n = count[side, name]
                delete list
                for (i = 1; i <= n; ++i) list[i] = value[side, name, i]
                if (n) { m[side] = median(list, n); text[side] = sprintf("%.3f s (%.3f-%.3f)", m[side], low, high) }
                else { m[side] = 0; text[side] = "-" }
            }
            ratio = m["A"] > 0 && m["B"] > 0 ? sprintf("%.2f", m["B"] / m["A"]) : "-"
            printf "| %-40s | %-24s | %-24s | %s\n", name, text["A"], text["B"], ratio
        }
    }' "$results"
