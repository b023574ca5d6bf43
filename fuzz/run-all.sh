#!/usr/bin/env bash
# Run every fuzz target in turn for SECONDS seconds each (default 660),
# niced, one process at a time; logs go to fuzz/logs/<target>.log and any
# crash to fuzz/artifacts/<target>/. Needs a nightly toolchain and cargo-fuzz
# (see README.md). The targets are built once, then the binaries run
# directly, so edits made meanwhile do not trigger rebuilds between targets.
#
# Each target starts from the minimised corpus kept in the repository
# (fuzz/seeds/<target>/) plus fuzz/corpus/<target>/ (seed-corpus.sh). The
# lesson and Markdown targets cap inputs near 8 KB (a section or two: the
# per-input cost stays low) with -len_control=0, so long inputs such as deep
# nesting are tried from the start rather than after hours of growth.
set -uo pipefail
cd "$(dirname "$0")"
seconds=${1:-660}
targets=${TARGETS:-"lesson_load markdown_render manifest_validate kubectl_execute"}
[ -d corpus ] || ./seed-corpus.sh
mkdir -p logs
nice -n 10 cargo +nightly fuzz build -O -s none || exit 1
bin=target/x86_64-unknown-linux-gnu/release
for t in $targets; do
    case $t in
        lesson_load | markdown_render) len="-max_len=8192 -len_control=0" ;;
        *) len="-max_len=65536" ;;
    esac
    echo "== $t: ${seconds}s"
    mkdir -p "artifacts/$t" "corpus/$t"
    # shellcheck disable=SC2086
    nice -n 19 "$bin/$t" -artifact_prefix="artifacts/$t/" \
        -max_total_time="$seconds" $len -timeout=10 -rss_limit_mb=4096 \
        -print_final_stats=1 "corpus/$t" "seeds/$t" >"logs/$t.log" 2>&1
    echo "   exit $?; $(grep -E '^stat::number_of_executed_units|^stat::average_exec_per_sec' "logs/$t.log" | tr '\n' ' ')"
done
