#!/usr/bin/env bash
# The kill tests at full count: a job in the app, a model download, a gallery save and an
# export, each killed with SIGKILL KILLS times (default 50) at moments drawn from SEED, and
# checked after every kill (tests/app/tst_kill.cpp). CI runs the same test with 4 kills per kind.
#
#   tests/kill/run.sh [KILLS] [SEED] [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
kills=${1:-50}
seed=${2:-20261202}
build=${3:-$here/../../build}
cmake --build "$build" --target tst_kill >/dev/null
cd "$build/tests"
EIKONA_KILLS=$kills EIKONA_KILL_SEED=$seed QT_QPA_PLATFORM=offscreen EIKONA_THREADS=2 OMP_WAIT_POLICY=PASSIVE \
    ./tst_kill
