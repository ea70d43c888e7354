// react-spreadsheet-import's auto-match rule (4.7.1, as shared/reference/peers.md describes it),
// written here from that description for tools/bench-matcher-web.mjs (no code of that project):
// per header, in file order, the field whose key or alternate names come closest to the raw
// header in Levenshtein distance (UTF-16 code units, case-sensitive, no trimming), the first field
// on ties, accepted at distance <= 2; when two headers pick one field, the closer header keeps it
// and the other is left empty (it does not try its second-best field).
// Runs in the browser page of that benchmark (a classic script: it sets window.rsiMatch).

// Edit distance with two rows of the dynamic-programming table.
function levenshtein(a, b) {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = new Array(b.length + 1);
  let current = new Array(b.length + 1);
  for (let j = 0; j <= b.length; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previous[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, previous[j] + 1, current[j - 1] + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

// headers: strings; fields: [{ key, alternates: [string] }]. Returns the chosen key per header, or ''.
function rsiMatch(headers, fields, autoMapDistance = 2) {
  const result = new Array(headers.length).fill('');
  const holder = new Map();                    // field key -> { header index, distance }
  headers.forEach((header, h) => {
    let best = Infinity;
    let chosen = null;
    for (const field of fields) {
      let distance = levenshtein(header, field.key);
      for (const alternate of field.alternates ?? []) distance = Math.min(distance, levenshtein(header, alternate));
      if (distance < best) { best = distance; chosen = field; }
    }
    if (!chosen || best > autoMapDistance) return;
    const held = holder.get(chosen.key);
    if (held && held.distance <= best) return;  // an earlier header is as close: it keeps the field
    if (held) result[held.header] = '';
    holder.set(chosen.key, { header: h, distance: best });
    result[h] = chosen.key;
  });
  return result;
}

window.rsiMatch = rsiMatch;
