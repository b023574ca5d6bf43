#!/usr/bin/env bash
# Fill fuzz/corpus/<target>/ with starting inputs from the repository: the
# course, the lesson and Markdown fixtures, the scenario and test manifests,
# and the simulator scripts. The fuzzers mutate these; the folders are not
# committed (see .gitignore).
set -euo pipefail
cd "$(dirname "$0")"
root=..
mkdir -p corpus/lesson_load corpus/markdown_render corpus/manifest_validate corpus/kubectl_execute

# Lessons are cut into single sections (the front matter kept with the
# first): an input of a few KB costs a fraction of a whole lesson, so the
# fuzzers run many more of them (-max_len is 8 KB for these targets).
n=0
while IFS= read -r -d '' f; do
    n=$((n + 1))
    mkdir -p "tmp-split"
    awk -v out="tmp-split/s" 'BEGIN { i = 0 } /^## / { i++ } { print > (out "-" i) }' "$f"
    for s in tmp-split/s-*; do
        part=${s##*-}
        head -c 8192 "$s" >"corpus/lesson_load/lesson-$n-$part"
        # markdown_render: two little-endian bytes choose the width (1 + value % 300).
        for w in 20 59 119; do
            { printf "\\x$(printf %02x "$w")\\x00"; head -c 8190 "$s"; } >"corpus/markdown_render/md-$n-$part-$w"
        done
    done
    rm -rf tmp-split
done < <(find "$root/lessons" "$root/tests/fixtures/lessons" "$root/tests/fixtures/markdown" "$root/tests/fixtures/tui" \
    -type f \( -name '*.md' -o -name '*.markdown' \) -print0)

n=0
while IFS= read -r -d '' f; do
    n=$((n + 1))
    cp "$f" "corpus/manifest_validate/manifest-$n"
done < <(find "$root/assets" "$root/tests/fixtures/manifests" "$root/tests/scripts" \
    -type f \( -name '*.yaml' -o -name '*.json' \) -print0)

n=0
while IFS= read -r -d '' f; do
    # Eight lines at a time: what one input of the target runs.
    split -l 8 -d -a 3 "$f" "corpus/kubectl_execute/script-$n-"
    n=$((n + 1))
done < <(find "$root/tests/scripts" -type f -name '*.txt' -print0)

for t in corpus/*; do
    echo "$t: $(ls "$t" | wc -l) inputs"
done
