#!/usr/bin/env python3
"""Writes tests/data/hostile-memory: mapping-memory documents (src/matcher/mapping_memory.h) that a
corrupt or hostile store could hand the widget, with manifest.json saying which must load and which
must be refused. tests/matcher/hostile_memory_test.cpp reads every file; --check compares the
committed files with what this script makes.

  tests/matcher/make_hostile_memory.py [--check]
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'data', 'hostile-memory')

MASK = (1 << 64) - 1


def fnv1a(h, data):
    for b in data:
        h ^= b
        h = (h * 1099511628211) & MASK
    return h


def schema_id(keys, slug=''):
    h = 14695981039346656037
    for key in sorted(set(keys)):
        h = fnv1a(h, key.encode())
        h = fnv1a(h, b'\n')
    h = fnv1a(h, b'#slug:')
    h = fnv1a(h, slug.encode())
    return 's1-%016x' % h


KEYS = ['email', 'first_name', 'mobile_phone']
ID = schema_id(KEYS, 'contacts')


def entry(header='Tel. (mobile)', destination='mobile_phone', count=2, day='2026-12-03', **more):
    e = {'header': header, 'sourceKey': 'tel_mobile', 'destination': destination, 'count': count, 'lastUsed': day}
    e.update(more)
    return e


def doc(entries, schema_extra=None, **top):
    schema = {'id': ID, 'slug': 'contacts', 'destinationKeys': KEYS, 'entries': entries}
    schema.update(schema_extra or {})
    d = {'format': 'plan-mapper-memory', 'version': 1, 'schemas': [schema]}
    d.update(top)
    return d


def text(value):
    return json.dumps(value, ensure_ascii=False)


CASES = [
    # name, content (str or bytes), expected: "load" or "refuse"
    ('valid-minimal.json', text(doc([entry()])), 'load'),
    ('valid-unicode-headers.json', text(doc([entry('Téléphone (portable)'), entry('电话', 'email'),
                                             entry('Handy\u200b', 'first_name')])), 'load'),
    ('valid-left-unmapped-and-rejected.json',
     text(doc([entry('Notes', ''), entry('Mail', 'email', rejected=True), entry('Stage', 'first_name', valuesMatchedNoOption=True)])), 'load'),
    ('valid-unknown-destination-key.json', text(doc([entry('X', 'no_such_field')])), 'load'),
    ('empty-file.json', '', 'refuse'),
    ('not-json.json', 'plan-mapper-memory v1', 'refuse'),
    ('truncated.json', text(doc([entry()]))[:-7], 'refuse'),
    ('bom-prefixed.json', '\ufeff' + text(doc([entry()])), 'load'),  # the JSON reader skips a BOM
    ('top-level-array.json', text([doc([entry()])]), 'refuse'),
    ('wrong-format-name.json', text(doc([entry()], format='plan-mapper-memories')), 'refuse'),
    ('future-version.json', text(doc([entry()], version=2)), 'refuse'),
    ('version-as-string.json', text(doc([entry()], version='1')), 'refuse'),
    ('schemas-object.json', text({'format': 'plan-mapper-memory', 'version': 1, 'schemas': {'a': 1}}), 'refuse'),
    ('schema-id-forged.json', text(doc([entry()], {'id': 's1-0123456789abcdef'})), 'refuse'),
    ('schema-id-script.json', text(doc([entry()], {'id': '<img src=x onerror=alert(1)>'})), 'refuse'),
    ('duplicate-schema.json', text({'format': 'plan-mapper-memory', 'version': 1,
                                    'schemas': [doc([entry()])['schemas'][0]] * 2}), 'refuse'),
    ('duplicate-entry.json', text(doc([entry(), entry('TEL_MOBILE')])), 'refuse'),
    ('count-zero.json', text(doc([entry(count=0)])), 'refuse'),
    ('count-negative.json', text(doc([entry(count=-5)])), 'refuse'),
    ('count-huge.json', text(doc([entry(count=10 ** 30)])), 'refuse'),
    ('count-float.json', text(doc([entry(count=1.5)])), 'refuse'),
    ('count-nan-text.json', text(doc([entry()])).replace('"count": 2', '"count": NaN'), 'refuse'),
    ('date-impossible.json', text(doc([entry(day='2026-02-30')])), 'refuse'),
    ('date-before-1970.json', text(doc([entry(day='1969-12-31')])), 'refuse'),
    ('date-with-time.json', text(doc([entry(day='2026-12-03T10:00:00Z')])), 'refuse'),
    ('header-empty.json', text(doc([entry('')])), 'refuse'),
    ('header-punctuation-only.json', text(doc([entry('()-./')])), 'refuse'),
    ('header-too-long.json', text(doc([entry('x' * 257)])), 'refuse'),
    ('header-number.json', text(doc([entry(7)])), 'refuse'),
    ('destination-null.json', text(doc([entry(destination=None)])), 'refuse'),
    ('destination-key-too-long.json', text(doc([entry(destination='k' * 1025)])), 'refuse'),
    ('rejected-unmapped.json', text(doc([entry(destination='', rejected=True)])), 'refuse'),
    ('rejected-as-string.json', text(doc([entry(rejected='yes')])), 'refuse'),
    ('entry-array.json', text(doc([[1, 2]])), 'refuse'),
    ('invalid-utf8-header.json', text(doc([entry('HEADER')])).encode().replace(b'HEADER', b'HE\xff\xfeER'), 'refuse'),
    ('lone-surrogate-header.json', text(doc([entry('HEADER')])).replace('HEADER', '\\ud800x'), 'refuse'),
    ('deep-nesting.json', '{"format":"plan-mapper-memory","version":1,"schemas":' + '[' * 5000 + ']' * 5000 + '}', 'refuse'),
    ('too-many-entries.json', text(doc([entry('h%d' % i) for i in range(10001)])), 'refuse'),
    ('too-many-schemas.json', text({'format': 'plan-mapper-memory', 'version': 1,
                                    'schemas': [{'id': schema_id(['k%d' % i]), 'destinationKeys': ['k%d' % i], 'entries': []}
                                                for i in range(257)]}), 'refuse'),
    ('prototype-keys.json', text(doc([entry('__proto__', 'constructor')], {'__proto__': {'polluted': True}})), 'load'),
    ('token-like-extra-member.json', text(doc([entry(token='secret-token-value')])), 'load'),
]


def contents():
    files = {}
    manifest = []
    for name, content, expected in CASES:
        data = content if isinstance(content, bytes) else content.encode('utf-8')
        files[name] = data
        manifest.append({'file': name, 'expect': expected})
    files['manifest.json'] = (json.dumps(manifest, indent=1) + '\n').encode()
    return files


def main():
    files = contents()
    if '--check' in sys.argv:
        stale = [n for n, d in files.items()
                 if not os.path.exists(os.path.join(OUT, n)) or open(os.path.join(OUT, n), 'rb').read() != d]
        if stale:
            print('hostile-memory is stale; run tests/matcher/make_hostile_memory.py:', ', '.join(stale))
            return 1
        return 0
    os.makedirs(OUT, exist_ok=True)
    for name, data in files.items():
        with open(os.path.join(OUT, name), 'wb') as f:
            f.write(data)
    print('wrote %d files to %s' % (len(files), os.path.normpath(OUT)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
