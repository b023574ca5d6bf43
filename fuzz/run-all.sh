#!/usr/bin/env bash
# Run every fuzz target in turn for SECONDS seconds each (default 660),
# niced, one process at a time; logs go to fuzz/logs/<target>.log and any
# crash to fuzz/artifacts/<target>/. Needs a nightly toolchain and cargo-fuzz
# (see README.md). The targets are built once, then the binaries run
# directly, so edits made meanwhile do not trigger rebuilds between targets.
set -uo pipefail
cd "$(dirname "$0")"
seconds=${1:-660}
targets=${TARGETS:-"lesson_load markdown_render manifest_validate kubectl_execute"}
[ -d corpus ] || ./seed-corpus.sh
mkdir -p logs
nice cargo +nightly fuzz build -O || exit 1
bin=target/x86_64-unknown-linux-gnu/release
for t in $targets; do
    echo "== $t: ${seconds}s"
    mkdir -p "artifacts/$t"
    nice "$bin/$t" -artifact_prefix="artifacts/$t/" \
        -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
        -print_final_stats=1 "corpus/$t" >"logs/$t.log" 2>&1
    echo "   exit $?; $(grep -E '^stat::number_of_executed_units' "logs/$t.log")"
done
