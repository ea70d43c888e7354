#!/usr/bin/python3
"""Build-time font step: cuts a fallback face into unicode-range slices plus an index, so the web
widget fetches only the slices that hold a plan's characters (a few CJK labels: a few small files,
not the whole 5 MB face).

  slice_font.py FONT OUT_DIR NAME [BUDGET_BYTES]

Writes OUT_DIR/NAME/NN.ttf and OUT_DIR/NAME.json: {"slices": [{"file": "NAME/NN.ttf",
"ranges": [[first, last], ...]}]}. A slice is a run of the face's code points in code-point order
(whole ranges of neighbouring characters, the way a script's blocks lie) holding about BUDGET_BYTES
of outlines (32 KB by default). Hints and layout tables are dropped as in embed_font.py: ImGui
uses neither. Runs with Debian's /usr/bin/python3 (python3-fonttools); a .ttc takes its first face.

  slice_font.py --shaped OUT_DIR NAME FAMILY=FONT=RANGES ...

The faces the browser shapes with (Arabic, Hebrew, Indic, Thai: the web's text runs,
web/widget/text-runs.js): each face keeps only the code points in RANGES (hex, "0600-06FF,FB50-FDFF")
and keeps its layout tables (GSUB/GPOS: joining, reordering and marks are the point), and is cut
by the same budget (400 KB here: a script is one slice). One index for all of them,
OUT_DIR/NAME.json, whose slices also name their FAMILY and list their exact code-point runs, so a
text fetches only the faces of its own scripts."""
import io
import json
import logging
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTFont


def options(keep_layout=False):
    result = subset.Options()
    result.hinting = False
    result.layout_features = ["*"] if keep_layout else []
    result.name_IDs = [1, 2]
    result.notdef_outline = False
    result.font_number = 0
    return result


def glyph_sizes(font_path):
    """Code point -> bytes of its outline, from the glyf table's offsets."""
    font = TTFont(font_path, fontNumber=0, lazy=True)
    loca = font["loca"]
    order = font.getGlyphOrder()
    size_of = {name: loca[i + 1] - loca[i] for i, name in enumerate(order[:-1])}
    cmap = font.getBestCmap()
    return {cp: size_of.get(name, 0) + 16 for cp, name in cmap.items()}  # + metrics and cmap entry


def plan_slices(sizes, budget):
    slices, current, used = [], [], 0
    for cp in sorted(sizes):
        if current and used + sizes[cp] > budget:
            slices.append(current)
            current, used = [], 0
        current.append(cp)
        used += sizes[cp]
    if current:
        slices.append(current)
    return slices


def runs_of(codepoints):
    """Sorted code points -> [[first, last], ...] of consecutive ones."""
    runs = []
    for cp in codepoints:
        if runs and cp == runs[-1][1] + 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    return runs


def parse_ranges(text):
    result = []
    for part in text.split(","):
        first, _, last = part.partition("-")
        result.append((int(first, 16), int(last or first, 16)))
    return result


def write_slice(font_path, codepoints, out_dir, file, keep_layout):
    font = subset.load_font(font_path, options(keep_layout), lazy=True)
    subsetter = subset.Subsetter(options(keep_layout))
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    with open(os.path.join(out_dir, file), "wb") as out:
        out.write(buffer.getvalue())
    return len(buffer.getvalue())


def shaped_main(out_dir, name, faces):
    os.makedirs(os.path.join(out_dir, name), exist_ok=True)
    index = {"slices": []}
    total = 0
    for face in faces:
        family, font_path, ranges = face.split("=")
        wanted = parse_ranges(ranges)
        sizes = {cp: size for cp, size in glyph_sizes(font_path).items()
                 if any(first <= cp <= last for first, last in wanted)}
        for number, codepoints in enumerate(plan_slices(sizes, 400 * 1024)):
            file = f"{name}/{family}-{number:02d}.ttf"
            total += write_slice(font_path, codepoints, out_dir, file, keep_layout=True)
            index["slices"].append({"file": file, "family": family, "ranges": runs_of(codepoints)})
    with open(os.path.join(out_dir, f"{name}.json"), "w") as out:
        json.dump(index, out, separators=(",", ":"))
    print(f"slice_font: {len(index['slices'])} shaped slices of {name}, {total} bytes")


def main():
    logging.getLogger("fontTools").setLevel(logging.ERROR)  # one "FFTM not subset" per slice otherwise
    if sys.argv[1] == "--shaped":
        shaped_main(sys.argv[2], sys.argv[3], sys.argv[4:])
        return
    font_path, out_dir, name = sys.argv[1:4]
    budget = int(sys.argv[4]) if len(sys.argv) > 4 else 32 * 1024
    sizes = glyph_sizes(font_path)
    os.makedirs(os.path.join(out_dir, name), exist_ok=True)
    index = {"slices": []}
    total = 0
    for number, codepoints in enumerate(plan_slices(sizes, budget)):
        font = subset.load_font(font_path, options(), lazy=True)
        subsetter = subset.Subsetter(options())
        subsetter.populate(unicodes=codepoints)
        subsetter.subset(font)
        buffer = io.BytesIO()
        font.save(buffer)
        file = f"{name}/{number:03d}.ttf"
        with open(os.path.join(out_dir, file), "wb") as out:
            out.write(buffer.getvalue())
        total += len(buffer.getvalue())
        # The first and last code point of each slice bound it: a character between them that
        # the face lacks is in no slice, and the widget asks for nothing.
        index["slices"].append({"file": file, "ranges": [[codepoints[0], codepoints[-1]]]})
    with open(os.path.join(out_dir, f"{name}.json"), "w") as out:
        json.dump(index, out, separators=(",", ":"))
    print(f"slice_font: {font_path} -> {len(index['slices'])} slices of {name}, {total} bytes")


if __name__ == "__main__":
    main()
