#!/usr/bin/env python3
"""layers.py SRC - fails when a file under SRC includes a header of a layer above its own, or
when modules (x.c with x.h) include each other in a cycle; names each offending include.

The layers, lowest first (README "Layout"); a folder sees only its own and lower ones:
base <- read <- normalize (normalize/es) <- speech <- api <- audio <- publish <- app <- cli
<- speechd (the speech-dispatcher module, on the api alone).
"""
import os
import re
import sys

LAYERS = ["base", "read", "normalize", "speech", "api", "audio", "publish", "app", "cli", "speechd"]
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def layer_of(rel):
    """The layer of a path relative to src/: its first folder (normalize/es is normalize)."""
    top = rel.split(os.sep)[0]
    return LAYERS.index(top) if top in LAYERS else None


def main(src):
    headers, files = {}, []
    for root, _, names in os.walk(src):
        for name in sorted(names):
            if name.endswith((".c", ".h")):
                rel = os.path.relpath(os.path.join(root, name), src)
                files.append(rel)
                if name.endswith(".h"):
                    headers.setdefault(name, []).append(rel)
    problems = []
    for rel in files:
        if layer_of(rel) is None:
            problems.append(f"{rel}: not in a layer folder ({', '.join(LAYERS)})")
    for name, where in headers.items():
        if len(where) > 1:
            problems.append(f"{name}: in several folders ({', '.join(where)})")
    edges = {}  # module -> modules it includes
    for rel in files:
        mine = layer_of(rel)
        module = os.path.splitext(rel)[0]
        with open(os.path.join(src, rel), encoding="utf-8") as f:
            text = f.read()
        for m in INCLUDE.finditer(text):
            inc = m.group(1)
            line = text.count("\n", 0, m.start()) + 1
            if inc == "locutor.h":  # include/locutor.h: the public API, the api layer's
                target_layer, target = LAYERS.index("api"), "api/locutor"
            elif inc in headers:
                target = os.path.splitext(headers[inc][0])[0]
                target_layer = layer_of(headers[inc][0])
            else:
                problems.append(f"{rel}:{line}: includes \"{inc}\", which is not under src/")
                continue
            if mine is not None and target_layer is not None and target_layer > mine:
                problems.append(f"{rel}:{line}: includes {inc} of layer {LAYERS[target_layer]}, "
                                f"above its own layer {LAYERS[mine]}")
            if target != module:
                edges.setdefault(module, set()).add(target)
    # cycles among modules: depth-first search, reporting each cycle once
    state, stack, seen_cycles = {}, [], set()

    def visit(m):
        state[m] = 1
        stack.append(m)
        for n in sorted(edges.get(m, ())):
            if state.get(n) == 1:
                cycle = stack[stack.index(n):] + [n]
                key = frozenset(cycle)
                if key not in seen_cycles:
                    seen_cycles.add(key)
                    problems.append("include cycle: " + " -> ".join(cycle))
            elif state.get(n) is None:
                visit(n)
        stack.pop()
        state[m] = 2

    for m in sorted(edges):
        if state.get(m) is None:
            visit(m)
    for p in problems:
        print("FAIL: " + p)
    print(f"{len(files)} files, {sum(len(v) for v in edges.values())} module includes, "
          f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "src"))
