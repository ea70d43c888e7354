#!/usr/bin/env python3
"""Checks that a screenshot PNG has the expected size and is not blank: it must contain many
distinct colours (a blank or single-colour window has one or two). Decodes PNG with zlib only."""
import struct
import sys
import zlib


def decode(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour == 6, "expected 8-bit RGBA"
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * 4
    rows = [raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)] for y in range(height)]
    # The app writes filter type 0 only, which this reader relies on.
    assert all(raw[y * (stride + 1)] == 0 for y in range(height)), "unexpected PNG filter"
    return width, height, rows


def main():
    path, want_w, want_h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    width, height, rows = decode(path)
    assert (width, height) == (want_w, want_h), f"size {width}x{height}, expected {want_w}x{want_h}"
    colours = set()
    for row in rows[::4]:
        for x in range(0, len(row), 16):
            colours.add(row[x:x + 3])
    print(f"{path}: {width}x{height}, {len(colours)} distinct colours sampled")
    assert len(colours) > 20, "the screenshot looks blank"


if __name__ == "__main__":
    main()
