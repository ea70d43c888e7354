// The well-formed plan response every mutation starts from, and the contract's view of its
// members: which ones the widget reads (so a wrong type there must be reported) and which ones it
// only carries (so a wrong type there must travel back to the server untouched).
//
// "Checked" follows flatfile-plan-api.md §3 and README ("members the widget does not model are sent
// back exactly as received"); it is a statement about the contract, not a copy of the parser.

// Small on purpose: ~100 committed mutations of it stay a few hundred KB in total.
export function baseResponse() {
  return {
    data: {
      job: {
        id: 'us_jb_hostile1', fileId: 'us_fl_hostile1', status: 'planning', operation: 'map', type: 'workbook',
        config: { sourceSheetId: 'us_sh_src', destinationSheetId: 'us_sh_dst' }, createdAt: '2024-01-02T03:04:05.000Z',
      },
      plan: {
        fieldMapping: [
          {
            sourceField: { key: 'email', label: 'E-mail', type: 'string', description: 'Work e-mail' },
            destinationField: {
              key: 'email', label: 'Email', type: 'string', constraints: [{ type: 'required' }], alternativeNames: ['mail'],
            },
            preview: ['a@example.com', 'b@example.com'],
            metadata: { certainty: 'strong', confidence: 0.9, source: 'exact' },
            'x-edge-note': 'kept',
          },
          {
            sourceField: { key: 'state', label: 'State', type: 'string' },
            destinationField: {
              key: 'status', label: 'Status', type: 'enum', readonly: false,
              config: {
                allowCustom: false,
                options: [{ value: 'open', label: 'Open', alternativeNames: ['new'] }, { value: 'closed', label: 'Closed' }],
              },
            },
            preview: ['New', 'Done'],
            enumDetails: {
              mapping: [{ sourceValue: 'New', destinationValue: 'open' }],
              unusedSourceValues: ['Done'], unusedDestinationValues: ['closed'],
            },
          },
        ],
        unmappedSourceFields: [
          { sourceField: { key: 'notes', label: 'Notes', type: 'string', appearance: { size: 'm' } }, preview: ['hello'] },
        ],
        unmappedDestinationFields: [{ destinationField: { key: 'phone', label: 'Phone', type: 'string' } }],
        programId: 'us_prog_1',
        'x-future': { flag: true },
      },
    },
  };
}

// Member patterns relative to the document root; `*` is any array index, F any field definition.
// required: absent or null must be reported. optional: null reads as absent (kept, no problem).
// enumValue: an EnumValue, which the contract allows to be a string, a number or a boolean.
const FIELD = [
  ['F', 'required'], ['F/key', 'required'], ['F/type', 'required'],
  ['F/label', 'optional'], ['F/description', 'optional'],
  ['F/constraints', 'optional'], ['F/constraints/*', 'required'], ['F/constraints/*/type', 'required'],
  ['F/alternativeNames', 'optional'], ['F/alternativeNames/*', 'required'],
  // An enum field's options are what its values map to: an enum without them is worth a word.
  ['F/config', 'required', { enumOnly: true }], ['F/config/options', 'required', { enumOnly: true }],
  ['F/config/options/*', 'required'], ['F/config/options/*/value', 'required', { enumValue: true }],
  ['F/config/options/*/label', 'optional'], ['F/config/options/*/alternativeNames', 'optional'],
  ['F/config/options/*/alternativeNames/*', 'required'],
];
const FIELD_PLACES = [
  '/data/plan/fieldMapping/*/sourceField', '/data/plan/fieldMapping/*/destinationField',
  '/data/plan/unmappedSourceFields/*/sourceField', '/data/plan/unmappedDestinationFields/*/destinationField',
];
const OTHERS = [
  ['/data', 'required'], ['/data/job', 'required'], ['/data/job/id', 'required'],
  ['/data/job/fileId', 'optional'], ['/data/job/status', 'optional'], ['/data/job/operation', 'optional'],
  ['/data/plan', 'required'], ['/data/plan/programId', 'optional'],
  ['/data/plan/fieldMapping', 'required'], ['/data/plan/fieldMapping/*', 'required'],
  ['/data/plan/fieldMapping/*/preview', 'optional'], ['/data/plan/fieldMapping/*/preview/*', 'required'],
  ['/data/plan/fieldMapping/*/metadata', 'optional'], ['/data/plan/fieldMapping/*/metadata/certainty', 'optional'],
  ['/data/plan/fieldMapping/*/metadata/confidence', 'optional'], ['/data/plan/fieldMapping/*/metadata/source', 'optional'],
  ['/data/plan/fieldMapping/*/enumDetails', 'optional'], ['/data/plan/fieldMapping/*/enumDetails/mapping', 'required'],
  ['/data/plan/fieldMapping/*/enumDetails/mapping/*', 'required'],
  ['/data/plan/fieldMapping/*/enumDetails/mapping/*/sourceValue', 'optional', { enumValue: true }],
  ['/data/plan/fieldMapping/*/enumDetails/mapping/*/destinationValue', 'optional', { enumValue: true }],
  ['/data/plan/fieldMapping/*/enumDetails/unusedSourceValues', 'optional'],
  ['/data/plan/fieldMapping/*/enumDetails/unusedSourceValues/*', 'required', { enumValue: true }],
  ['/data/plan/fieldMapping/*/enumDetails/unusedDestinationValues', 'optional'],
  ['/data/plan/fieldMapping/*/enumDetails/unusedDestinationValues/*', 'required', { enumValue: true }],
  ['/data/plan/unmappedSourceFields', 'required'], ['/data/plan/unmappedSourceFields/*', 'required'],
  ['/data/plan/unmappedSourceFields/*/preview', 'optional'], ['/data/plan/unmappedSourceFields/*/preview/*', 'required'],
  ['/data/plan/unmappedDestinationFields', 'required'], ['/data/plan/unmappedDestinationFields/*', 'required'],
];

function toRegExp(pattern) {
  const body = pattern.split('/').map((t) => (t === '*' ? '\\d+' : t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/');
  return new RegExp(`^${body}$`);
}

const RULES = [
  ...OTHERS.map(([p, need, extra]) => ({ re: toRegExp(p), need, ...extra })),
  ...FIELD_PLACES.flatMap((place) => FIELD.map(([p, need, extra]) => ({ re: toRegExp(p.replace('F', place)), need, ...extra }))),
];

// How the contract treats the member at `pointer` of `document` (before mutation):
// null when the widget only carries it, else { need: 'required' | 'optional', enumValue }.
export function memberRule(document, pointer) {
  const rule = RULES.find((r) => r.re.test(pointer));
  if (!rule) return null;
  if (rule.enumOnly) {
    const field = resolve(document, pointer.slice(0, pointer.lastIndexOf('/config')));
    if (!field || !['enum', 'enum-list'].includes(field.type)) return null;
  }
  return { need: rule.need, enumValue: !!rule.enumValue };
}

export function escapeToken(token) {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

// Every member and array element of `value` as [pointer, value], parents before children.
export function walk(value, pointer = '', out = []) {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const here = `${pointer}/${escapeToken(k)}`;
      out.push([here, v]);
      walk(v, here, out);
    }
  }
  return out;
}

export function resolve(document, pointer) {
  if (pointer === '') return document;
  let at = document;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (at === null || typeof at !== 'object' || !(token in at)) return undefined;
    at = at[token];
  }
  return at;
}

// Sets (or, with `remove`, deletes) the member at `pointer` of a deep copy of `document`.
export function mutate(document, pointer, value, { remove = false } = {}) {
  const copy = structuredClone(document);
  const tokens = pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = tokens.pop();
  const parent = tokens.reduce((at, t) => at[t], copy);
  if (remove) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else {
    parent[last] = value;
  }
  return copy;
}

// Where a member of the response's plan sits in the PUT body the widget sends ({...plan, jobId, fileId}).
export function putBodyPointer(pointer) {
  return pointer.startsWith('/data/plan/') ? pointer.slice('/data/plan'.length) : null;
}
