#!/usr/bin/python3
"""Build-time font step: cuts a fallback face into unicode-range slices plus an index, so the web
widget fetches only the slices that hold a plan's characters (a few CJK labels: a few small files,
not the whole 5 MB face).

  slice_font.py FONT OUT_DIR NAME [BUDGET_BYTES]

Writes OUT_DIR/NAME/NN.ttf and OUT_DIR/NAME.json: {"slices": [{"file": "NAME/NN.ttf",
"ranges": [[first, last], ...]}]}. A slice is a run of the face's code points in code-point order
(whole ranges of neighbouring characters, the way a script's blocks lie) holding about BUDGET_BYTES
of outlines (32 KB by default). Hints and layout tables are dropped as in embed_font.py: ImGui
uses neither. Runs with Debian's /usr/bin/python3 (python3-fonttools); a .ttc takes its first face."""
import io
import json
import logging
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTFont


def options():
    result = subset.Options()
    result.hinting = False
    result.layout_features = []
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


def main():
    logging.getLogger("fontTools").setLevel(logging.ERROR)  # one "FFTM not subset" per slice otherwise
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
