"""Folds `perf script` output into one line per stack ("a;b;c count"), the input of flame graph
tools (inferno-flamegraph, flamegraph.pl, speedscope)."""
import collections
import sys

stacks = collections.Counter()
frames = []
for line in sys.stdin:
    line = line.rstrip("\n")
    if not line.strip():
        if frames:
            stacks[";".join(reversed(frames))] += 1
        frames = []
        continue
    if line.startswith((" ", "\t")):
        parts = line.strip().split(" ", 1)
        symbol = parts[1].rsplit(" (", 1)[0] if len(parts) > 1 else parts[0]
        frames.append(symbol.replace(";", ":"))
if frames:
    stacks[";".join(reversed(frames))] += 1
for stack, count in stacks.most_common():
    print(f"{stack} {count}")
