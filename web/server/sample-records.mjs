// The records of the sample jobs' source sheets (GET /v1/sheets/{id}/records), generated on
// demand from a per-job spec: a cell is a pure function of (job seed, row, column), so any page
// can be built without the rows before it and nothing large is committed or kept in memory.
//
// A spec: { rows, seed, columns: { <field key>: (random, row) => string | null | undefined } }.
// null is sent as {"value": null}; undefined leaves the key out of the record (both are blanks).
export const MAX_PAGE_SIZE = 10_000;          // flatfile-plan-api.md: pageSize <= 10,000

// The same mulberry32 steps as make-large-job.mjs's makeRandom, as one object reseeded for each
// cell: building a generator per cell made a 10,000-row page take a second.
class CellRandom {
  reseed(seed, row, column) {
    this.state = (seed ^ Math.imul(row + 1, 0x9e3779b1) ^ Math.imul(column + 1, 0x85ebca77)) >>> 0;
    return this;
  }

  next() {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(lo, hi) { return lo + Math.floor(this.next() * (hi - lo + 1)); }

  pick(list) { return list[this.int(0, list.length - 1)]; }
}

export class RecordSource {
  constructor(sheet, spec) {
    this.sheetId = sheet.id;
    this.total = spec.rows;
    this.seed = spec.seed;
    this.keys = Object.keys(spec.columns);
    this.makers = this.keys.map((key) => spec.columns[key]);
    this.random = new CellRandom();
  }

  cell(row, column) { return this.makers[column](this.random.reseed(this.seed, row, column), row); }

  record(row) {
    const values = {};
    for (let c = 0; c < this.keys.length; c++) {
      const value = this.cell(row, c);
      if (value === undefined) continue;
      values[this.keys[c]] = { value, valid: true, messages: [] };
    }
    return { id: `us_rc_${this.sheetId.slice(6)}${String(row + 1).padStart(6, '0')}`, values };
  }

  // Records of page `pageNumber` (1-based) of `pageSize` rows; [] past the end.
  page(pageSize, pageNumber) {
    const first = (pageNumber - 1) * pageSize;
    const out = [];
    for (let row = first; row < Math.min(first + pageSize, this.total); row++) out.push(this.record(row));
    return out;
  }
}

// Value makers for specs: the preview's values for the first rows (so previews and records agree),
// then picks from the preview plus `extras`, with a share of blanks.
export function fromPreview(preview, { extras = [], blankRate = 0.04 } = {}) {
  const pool = [...new Set(preview.filter((v) => v !== ''))].concat(extras);
  return (random, row) => {
    if (row < preview.length) return preview[row] === '' ? null : preview[row];
    if (random.next() < blankRate) return random.next() < 0.5 ? null : undefined;
    return random.pick(pool);
  };
}
