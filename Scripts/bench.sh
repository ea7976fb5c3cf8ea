#!/usr/bin/env bash
# Benchmarks a release build of casebook on synthetic trackers (N events and N quotes) and prints, per scale,
# pages written, median wall time, median CPU time, median peak RSS, pages/s and the median time of each stage of
# a cold build (empty output, no spare tree, no render cache), then the median wall time of a rebuild after one
# event's title changed (warm: spare tree and render cache from the builds before); the same rebuild on the largest
# scale with its timeline cut into files of 40 events, after a case file changed and after an event's date changed;
# then serve and watch latencies on the largest scale.
# The output of a run is moved aside, not deleted, before the next cold run, and the set-aside trees are deleted
# after the last scale: on a file system without a journal (ext4 as this machine has it) creating files next to
# thousands of inodes deleted seconds before makes the kernel skip each of them, which cost either tool seconds
# of system time and varied from run to run (the cold build's write stage: 1.7 s to 9.6 s).
# Usage: Scripts/bench.sh [RUNS] [N...]   (defaults: 5 runs; N = 1000 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
shift || true
scales=("${@:-1000 10000}")
# As `make release` builds it: on Linux with Swift's libraries linked in (see the Makefile).
release_flags=()
[ "$(uname)" = "Linux" ] && release_flags=(--static-swift-stdlib)
swift build -c release "${release_flags[@]}" --product casebook >/dev/null
swift build -c release "${release_flags[@]}" --product CasebookBench >/dev/null
work=.build/bench
mkdir -p "$work"
set_aside() { if [ -e "$1" ]; then mkdir -p "$work/trash"; mv "$1" "$work/trash/$(date +%s%N)"; fi; }
# Changes the first event's title in a timeline file, as a writer saving it would, and back on the next call.
edit_title() {
  if grep -q '^  title: "(edited) ' "$1"; then sed -i '0,/^  title: "(edited) /s//  title: "/' "$1"
  else sed -i '0,/^  title: "/s//  title: "(edited) /' "$1"; fi
}
# Moves the first event of a timeline file to the next day of its month (from the 28th, to the 1st), as a writer
# correcting a date would.
edit_date() {
  python3 - "$1" <<'PYTHON'
import re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
date = re.search(r"^  date: (\d{4}-\d{2})-(\d{2})$", text, re.M)
moved = f"  date: {date.group(1)}-{int(date.group(2)) % 28 + 1:02d}"
open(path, "w", encoding="utf-8").write(text[:date.start()] + moved + text[date.end():])
PYTHON
}
# Times a rebuild of content $1 into output $2 and adds "wall cpu peak-rss clock=ms stage=ms ..." to the file $3.
# `clock` is the wall time in milliseconds around the process (and the `time` that runs it): time's %e prints
# hundredths cut, not rounded, so a rebuild of 150 to 159 ms reads 0.15 s.
timed_rebuild() {
  local start=$EPOCHREALTIME
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" \
    .build/release/casebook build --content "$1" --output "$2" --timings > "$work/out.txt"
  local end=$EPOCHREALTIME
  read -r wall user sys rss < "$work/time.txt"
  echo "$wall $(echo "$user + $sys" | bc) $rss clock=$(echo "scale=1; ($end - $start) * 1000 / 1" | bc)" \
    "$(awk '/ ms$/ { printf "%s=%s ", $1, $2 }' "$work/out.txt")" >> "$3"
}
# The median of the `clock` field of a rebuilds file.
clock() { grep -o "clock=[0-9.]*" "$1" | cut -d= -f2 | median; }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
# Hugo on the same content, when installed (`apt-get install hugo`): its runs alternate with Casebook's so that a
# busy machine slows both alike; the ratio is the figure to read.
hugo_bin=$(command -v hugo || true)
for n in ${scales[@]}; do
  content="$work/content-$n"
  [ -d "$content" ] || .build/release/CasebookBench "$n" "$content"
  if [ -n "$hugo_bin" ]; then
    [ -d "$work/hugo-$n" ] || python3 Scripts/hugo-site.py "$content" "$work/hugo-$n"
    : > "$work/hugo-runs-$n.txt"
  fi
  : > "$work/runs-$n.txt"
  : > "$work/rebuilds-$n.txt"
  for _ in $(seq "$runs"); do
    if [ -n "$hugo_bin" ]; then
      set_aside "$work/hugo-out-$n"
      sync  # let the file system finish earlier writes before the clock starts, for both tools alike
      /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$hugo_bin" --quiet -s "$work/hugo-$n" -d "$(pwd)/$work/hugo-out-$n"
      read -r wall user sys rss < "$work/time.txt"
      echo "$wall $(echo "$user + $sys" | bc) $rss" >> "$work/hugo-runs-$n.txt"
    fi
    set_aside "$work/site-$n"
    set_aside "$work/.site-$n.casebook-spare"
    sync
    /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" \
      .build/release/casebook build --no-cache --content "$content" --output "$work/site-$n" --timings > "$work/out.txt"
    read -r wall user sys rss < "$work/time.txt"
    pages=$(sed -n 's/^Built \([0-9]*\) pages.*/\1/p' "$work/out.txt")
    stages=$(awk '/ ms$/ { printf "%s=%s ", $1, $2 }' "$work/out.txt")
    echo "$wall $(echo "$user + $sys" | bc) $rss $pages $stages" >> "$work/runs-$n.txt"
    # One untimed rebuild leaves a spare tree, as any earlier build would have; then touch one event, as a writer
    # saving a file would, and time the rebuild over the previous output.
    .build/release/casebook build --quiet --content "$content" --output "$work/site-$n" > /dev/null
    edit_title "$content/timeline/events.yml"
    timed_rebuild "$content" "$work/site-$n" "$work/rebuilds-$n.txt"
  done
  wall=$(cut -d' ' -f1 "$work/runs-$n.txt" | median)
  cpu=$(cut -d' ' -f2 "$work/runs-$n.txt" | median)
  rss=$(cut -d' ' -f3 "$work/runs-$n.txt" | median)
  pages=$(head -1 "$work/runs-$n.txt" | cut -d' ' -f4)
  printf 'N=%-6s pages=%-6s wall=%ss cpu=%ss peak-rss=%sMB pages/s=%s\n' "$n" "$pages" "$wall" "$cpu" "$((rss / 1024))" \
    "$(echo "$pages / $wall" | bc)"
  if [ -n "$hugo_bin" ]; then
    hugo_wall=$(cut -d' ' -f1 "$work/hugo-runs-$n.txt" | median)
    hugo_pages=$(find "$work/hugo-out-$n" -name '*.html' | wc -l)
    printf '    hugo      pages=%s wall=%ss cpu=%ss peak-rss=%sMB; casebook/hugo wall ratio=%s\n' "$hugo_pages" "$hugo_wall" \
      "$(cut -d' ' -f2 "$work/hugo-runs-$n.txt" | median)" "$(( $(cut -d' ' -f3 "$work/hugo-runs-$n.txt" | median) / 1024 ))" \
      "$(echo "scale=2; $wall / $hugo_wall" | bc)"
  fi
  for stage in load validate graph render write; do
    value=$(grep -o "$stage=[0-9.]*" "$work/runs-$n.txt" | cut -d= -f2 | median)
    printf '    %-9s %8s ms (median of %s)\n' "$stage" "$value" "$runs"
  done
  printf '    rebuild after one event changed: wall=%ss (%s ms) cpu=%ss peak-rss=%sMB (load %s ms, render %s ms, write %s ms)\n' \
    "$(cut -d' ' -f1 "$work/rebuilds-$n.txt" | median)" "$(clock "$work/rebuilds-$n.txt")" "$(cut -d' ' -f2 "$work/rebuilds-$n.txt" | median)" \
    "$(( $(cut -d' ' -f3 "$work/rebuilds-$n.txt" | median) / 1024 ))" \
    "$(grep -o "load=[0-9.]*" "$work/rebuilds-$n.txt" | cut -d= -f2 | median)" \
    "$(grep -o "render=[0-9.]*" "$work/rebuilds-$n.txt" | cut -d= -f2 | median)" \
    "$(grep -o "write=[0-9.]*" "$work/rebuilds-$n.txt" | cut -d= -f2 | median)"
done
largest=${scales[@]: -1}
# The largest tracker again with its timeline in files of 40 events, as a newsroom might keep one file a month: a
# one-event rebuild must not parse the other files again.
split="$work/content-$largest-split"
[ -d "$split" ] || python3 Scripts/split-timeline.py "$work/content-$largest" "$split" 40
set_aside "$work/site-split"
set_aside "$work/.site-split.casebook-spare"
for _ in 1 2; do .build/release/casebook build --quiet --content "$split" --output "$work/site-split" > /dev/null; done
parts=("$split"/timeline/*.yml)
: > "$work/rebuilds-split.txt"
for _ in $(seq "$runs"); do
  edit_title "${parts[${#parts[@]} / 2]}"
  timed_rebuild "$split" "$work/site-split" "$work/rebuilds-split.txt"
done
printf 'N=%s, timeline in %s files: rebuild after one event changed: wall=%ss (%s ms) cpu=%ss (load %s ms)\n' "$largest" \
  "${#parts[@]}" "$(cut -d' ' -f1 "$work/rebuilds-split.txt" | median)" "$(clock "$work/rebuilds-split.txt")" \
  "$(cut -d' ' -f2 "$work/rebuilds-split.txt" | median)" \
  "$(grep -o "load=[0-9.]*" "$work/rebuilds-split.txt" | cut -d= -f2 | median)"
# A line of a case file's Markdown changed, on the largest tracker as the scale loop left it: a prose edit, which
# makes again the pages that show the case.
case_file=$(find "$work/content-$largest/cases" -name '*.md' | sort | sed -n 1p)
: > "$work/rebuilds-case.txt"
for _ in $(seq "$runs"); do
  if grep -q '^Edited by the bench\.$' "$case_file"; then sed -i '/^Edited by the bench\.$/d' "$case_file"
  else echo "Edited by the bench." >> "$case_file"; fi
  timed_rebuild "$work/content-$largest" "$work/site-$largest" "$work/rebuilds-case.txt"
done
printf 'N=%s: rebuild after one case file changed: wall=%ss (%s ms) cpu=%ss\n' "$largest" \
  "$(cut -d' ' -f1 "$work/rebuilds-case.txt" | median)" "$(clock "$work/rebuilds-case.txt")" "$(cut -d' ' -f2 "$work/rebuilds-case.txt" | median)"
# One event's date changed instead, which moves it in the timeline: the ledger's places name the pages to make again.
: > "$work/rebuilds-date.txt"
for _ in $(seq "$runs"); do
  edit_date "$work/content-$largest/timeline/events.yml"
  timed_rebuild "$work/content-$largest" "$work/site-$largest" "$work/rebuilds-date.txt"
done
printf "N=%s: rebuild after one event's date changed: wall=%ss (%s ms) cpu=%ss\n" "$largest" \
  "$(cut -d' ' -f1 "$work/rebuilds-date.txt" | median)" "$(clock "$work/rebuilds-date.txt")" "$(cut -d' ' -f2 "$work/rebuilds-date.txt" | median)"
# `casebook serve` on the largest scale: from a saved edit of one event's title to the live-reload event, which a
# long-lived process reaches by patching its last build (see README, "Previewing while you write").
echo "serve, N=$largest:"
python3 Scripts/serve-latency.py .build/release/casebook "$runs" "$work/content-$largest" | grep -E '^(save|rebuild)' | sed 's/^/    /'
# `casebook build --watch` the same way: from the save to the line that reports the new output swapped in.
echo "build --watch, N=$largest:"
python3 Scripts/serve-latency.py .build/release/casebook "$runs" "$work/content-$largest" --watch | grep -E '^(save|rebuild)' | sed 's/^/    /'
# Both again after a change of the event's date, which moves it in the timeline (the pages that read an event where it
# moved made again), and after a line of a case file's Markdown changed.
for edit in date case; do
  for mode in serve watch; do
    [ "$mode" = serve ] && { name="serve"; flag=""; } || { name="build --watch"; flag="--watch"; }
    echo "$name, N=$largest, $edit edits:"
    python3 Scripts/serve-latency.py .build/release/casebook "$runs" "$work/content-$largest" $flag "--$edit" \
      | grep -E '^(save|rebuild)' | sed 's/^/    /'
  done
done
# Deleted only now: deleting them between scales would slow the next scale's first cold runs.
rm -rf "$work/trash"
