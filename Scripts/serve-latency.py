#!/usr/bin/env python3
"""Time from a saved edit to the live-reload event, or to the rebuilt output, on a temp copy of the real tracker.

Usage: Scripts/serve-latency.py CASEBOOK_BINARY [RUNS] [CONTENT] [--watch] [--date | --case]
Starts `casebook serve` on a free port, listens to /__casebook/events, saves an edit to one event's
title RUNS times (default 10), and prints each save-to-event time and their median. Then stops the
server with SIGINT and checks that it exits cleanly. CONTENT (default: the tracker's Content/) may name
another content folder, such as a synthetic one from `make bench` (.build/bench/content-10000); its
first event title in timeline/events.yml is the one edited.
With --watch it runs `casebook build --watch` instead and times each save (after one untimed save, whose
build leaves the spare tree) to the line that reports the output swapped in; it checks that the output's
timeline download holds the last edit.
With --date each save changes that event's date instead (another day of the same month), which moves it in the
timeline: not a prose edit, so the pages that read an event where it moved are made again.
With --case each save changes the last line of the first case file's Markdown body instead (the case's download
is checked with --watch).
"""
import os, shutil, signal, socket, statistics, subprocess, sys, tempfile, time

arguments = [a for a in sys.argv[1:] if a not in ("--watch", "--date", "--case")]
watching = "--watch" in sys.argv[1:]
dating = "--date" in sys.argv[1:]
casing = "--case" in sys.argv[1:]
binary = os.path.abspath(arguments[0])
runs = int(arguments[1]) if len(arguments) > 1 else 10
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
content = os.path.abspath(arguments[2]) if len(arguments) > 2 else os.path.join(root, "Content")
work = tempfile.mkdtemp(prefix="casebook-latency-")


def edited_file():
    """The file to edit, its text and the title line (or case body's last line) whose end the edits change."""
    if casing:
        folder = os.path.join(work, "Content", "cases")
        path = os.path.join(folder, sorted(name for name in os.listdir(folder) if name.endswith(".md"))[0])
        original = open(path, encoding="utf-8").read()
        return path, original, [line for line in original.splitlines() if line.strip()][-1]
    if len(arguments) > 2:
        path = os.path.join(work, "Content", "timeline", "events.yml")
        original = open(path, encoding="utf-8").read()
        needle = original[original.index("  title: "):original.index("\n", original.index("  title: "))].rstrip('"')
    else:
        path = os.path.join(work, "Content", "timeline", "2021-01.yml")
        original = open(path, encoding="utf-8").read()
        needle = "title: A pro-Trump mob storms the U.S. Capitol"
    if dating:  # the date line of the same event
        start = original.index("  date: ", original.index(needle))
        needle = original[start:original.index("\n", start)]
    assert needle in original
    return path, original, needle


def edited(original, needle, run):
    """The file's text at edit `run` (from -1): the title with a mark, or the date on another day of its month."""
    return original.replace(needle, edited_line(needle, run))


def edited_line(needle, run):
    if not dating:
        return needle + f" (edit {run})"
    quote = '"' if needle.endswith('"') else ""
    day = int(needle.rstrip('"')[-2:])
    return needle.rstrip('"')[:-2] + f"{[d for d in range(1, 29) if d != day][(run + 1) % 27]:02d}" + quote


def stop(process, name):
    process.send_signal(signal.SIGINT)
    code = process.wait(timeout=30)
    print(f"Ctrl-C: {name} exited with code {code}")
    if code != 0:
        sys.exit(1)


def serve():
    probe = socket.socket(); probe.bind(("127.0.0.1", 0)); port = probe.getsockname()[1]; probe.close()
    log = open(os.path.join(work, "serve.log"), "w+", encoding="utf-8")
    server = subprocess.Popen([binary, "serve", "--port", str(port)], cwd=work,
                              stdout=subprocess.PIPE, stderr=log, text=True)
    line = server.stdout.readline()
    while line and "Built" in line:  # a big site prints its first build before the address
        line = server.stdout.readline()
    if "Serving" not in line:
        sys.exit(f"serve did not start: {line!r}")
    events = socket.create_connection(("127.0.0.1", port))
    events.sendall(b"GET /__casebook/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    received = b""

    def wait_for(marker, after):
        nonlocal received
        while marker not in received[after:]:
            chunk = events.recv(65536)
            if not chunk:
                sys.exit("event stream closed")
            received += chunk

    wait_for(b"event: hello", 0)
    path, original, needle = edited_file()
    times = []
    for run in range(runs):
        time.sleep(0.3)
        seen = len(received)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(edited(original, needle, run))
        start = time.perf_counter()
        wait_for(b"event: reload", seen)
        times.append((time.perf_counter() - start) * 1000)
        print(f"run {run + 1}: {times[-1]:.0f} ms")
    print(f"save to reload event, median of {runs}: {statistics.median(times):.0f} ms "
          f"(min {min(times):.0f}, max {max(times):.0f})")
    # The server's own account of each rebuild after a save ("Rebuilt 8 of 22020 pages in 120 ms").
    log.seek(0)
    builds = [line.split() for line in log.read().splitlines()[1:] if "pages in" in line]
    if builds:
        print(f"rebuild in the server, median of {len(builds)}: {statistics.median(float(b[-2]) for b in builds):.0f} ms "
              f"({' '.join(builds[0][:-3])})")
    stop(server, "server")


def watch():
    build = subprocess.Popen([binary, "build", "--watch"], cwd=work, stdout=subprocess.PIPE, text=True)
    line = build.stdout.readline()
    while line and "Watching" not in line:
        line = build.stdout.readline()
    if not line:
        sys.exit("build --watch did not start")
    path, original, needle = edited_file()
    times, builds = [], []
    # One untimed save first: its build leaves the spare tree that every later one starts from, as a
    # `casebook build` before the watch would have.
    for run in range(-1, runs):
        time.sleep(0.3)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(edited(original, needle, run))
        start = time.perf_counter()
        line = build.stdout.readline()
        while line.startswith(("Saved ", "Removed ")):  # the files each rebuild follows
            line = build.stdout.readline()
        if not line.startswith("Built"):
            sys.exit(f"unexpected: {line!r}")
        if run < 0:
            continue
        times.append((time.perf_counter() - start) * 1000)
        builds.append(line.split())
        print(f"run {run + 1}: {times[-1]:.0f} ms")
    print(f"save to output swapped in, median of {runs}: {statistics.median(times):.0f} ms "
          f"(min {min(times):.0f}, max {max(times):.0f})")
    print(f"rebuild in the process, median of {runs}: {statistics.median(float(b[-2]) for b in builds) * 1000:.0f} ms "
          f"({' '.join(builds[0][:-6]).rstrip(',')})")
    with open(os.path.join(work, "Site", "data", "cases.json" if casing else "timeline.json"), encoding="utf-8") as download:
        last = edited_line(needle, runs - 1)
        if (f'"date" : "{last.split(": ")[1].strip(chr(34))}"' if dating else f"(edit {runs - 1})") not in download.read():
            sys.exit("the output does not hold the last edit")
    stop(build, "build --watch")


try:
    shutil.copytree(content, os.path.join(work, "Content"))
    shutil.copytree(os.path.join(root, "Templates"), os.path.join(work, "Templates"))
    watch() if watching else serve()
finally:
    shutil.rmtree(work, ignore_errors=True)
