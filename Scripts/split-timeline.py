#!/usr/bin/env python3
"""Copies a bench tracker with its timeline cut into files of PER events (as a newsroom might keep one file a month).

Usage: Scripts/split-timeline.py CONTENT OUT [PER]   (PER defaults to 40: 250 files at N=10,000)
"""
import os
import shutil
import sys

content, out = sys.argv[1], sys.argv[2]
per = int(sys.argv[3]) if len(sys.argv) > 3 else 40
shutil.copytree(content, out, ignore=shutil.ignore_patterns("events.yml"))
items, head = [], []
with open(os.path.join(content, "timeline", "events.yml"), encoding="utf-8") as timeline:
    for line in timeline:
        if line.startswith("- "):
            items.append([line])
        elif items:
            items[-1].append(line)
        else:
            head.append(line)
for start in range(0, len(items), per):
    with open(os.path.join(out, "timeline", f"part-{start // per:04d}.yml"), "w", encoding="utf-8") as part:
        part.writelines(head)
        for item in items[start:start + per]:
            part.writelines(item)
