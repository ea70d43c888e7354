#!/usr/bin/env python3
"""Prints the message catalog of the languages asked for as the web module compiles it in: no
spaces, and the keys grouped by their area ({"en": {"header.": {"title": "Map fields", ...}}}), so
each area's name is written once. ui::Messages reads the groups back into "header.title" keys (a
real key never ends with "."). Used by src/ui/CMakeLists.txt at configure time.
    python3 cmake/pack_messages.py src/ui/messages.json en [de ...]
"""
import json
import sys


def pack(messages):
    groups = {}
    for key, message in messages.items():
        area, dot, name = key.partition(".")
        if not dot or not name:
            raise SystemExit(f"pack_messages: the key {key!r} is not area.name")
        groups.setdefault(area + ".", {})[name] = message
    return groups


def main():
    path, languages = sys.argv[1], sys.argv[2:]
    with open(path, encoding="utf-8") as f:
        catalog = json.load(f)
    packed = {lang: pack(catalog[lang]) for lang in languages}
    sys.stdout.write(json.dumps(packed, ensure_ascii=False, separators=(",", ":")))


if __name__ == "__main__":
    main()
