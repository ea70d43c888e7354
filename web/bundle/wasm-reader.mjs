// Reads what the bundle steps need from a wasm module's bytes: how many functions it imports
// (split-shaping.mjs), its export names (table-links.mjs) and where each export entry lies
// (tools/shaping-bytes.mjs). Each walks the module's sections
// (id, LEB128 size) to the one it reads.

// A cursor at the body of the first section with `id`, or null when the module has none.
function section(bytes, id) {
  const cursor = {
    at: 8,                                           // after the magic number and the version
    leb() {
      let result = 0;
      for (let shift = 0; ; shift += 7) {
        const b = bytes[this.at++];
        result += (b & 0x7f) * 2 ** shift;
        if (!(b & 0x80)) return result;
      }
    },
  };
  while (cursor.at < bytes.length) {
    const sectionId = bytes[cursor.at++];
    const size = cursor.leb();
    if (sectionId === id) return cursor;
    cursor.at += size;
  }
  return null;
}

// How many functions `bytes` imports (the import section, id 2).
export function functionImports(bytes) {
  const cursor = section(bytes, 2);
  if (!cursor) return 0;
  let functions = 0;
  for (let count = cursor.leb(), i = 0; i < count; i += 1) {
    const moduleLength = cursor.leb();               // (not `at += leb()`: that reads `at` before leb() moves it)
    cursor.at += moduleLength;
    const fieldLength = cursor.leb();
    cursor.at += fieldLength;
    const kind = bytes[cursor.at++];
    if (kind === 0) { cursor.leb(); functions += 1; }                                  // function: type index
    else if (kind === 1) { cursor.at += 1; if (cursor.leb() & 1) cursor.leb(); cursor.leb(); }   // table: type, limits
    else if (kind === 2) { if (cursor.leb() & 1) cursor.leb(); cursor.leb(); }                  // memory: limits
    else cursor.at += 2;                                                                        // global: type, mutability
  }
  return functions;
}

// The export names of `bytes` (the export section, id 7).
export function exportNames(bytes) {
  return new Set(exportEntries(bytes).map((entry) => entry.name));
}

// The export entries of `bytes`: { name, kind (0: function), index, start, end } with [start, end)
// the entry's bytes in the module.
export function exportEntries(bytes) {
  const entries = [];
  const cursor = section(bytes, 7);
  if (!cursor) return entries;
  for (let count = cursor.leb(), i = 0; i < count; i += 1) {
    const start = cursor.at;
    const length = cursor.leb();
    const name = Buffer.from(bytes.subarray(cursor.at, cursor.at + length)).toString('utf8');
    cursor.at += length;
    const kind = bytes[cursor.at++];
    const index = cursor.leb();
    entries.push({ name, kind, index, start, end: cursor.at });
  }
  return entries;
}
