// Validates PUT/PATCH plan bodies the way the double wants a client to behave. Flatfile does not
// document its own checks (flatfile-plan-api.md §4.3), so these rules are the double's choice:
// every rule catches a client bug (lost field, duplicate destination, stale job) early.
//
// Errors use Flatfile's Errors shape, [{key, message}], with `key` a path into the body such as
// "fieldMapping[3].destinationField.key" so a failing client can see what it sent wrong.

const PROPERTY_TYPES = new Set([
  'string', 'number', 'boolean', 'date', 'enum', 'reference', 'reference-list', 'string-list', 'enum-list',
]);
const CERTAINTIES = new Set(['absolute', 'strong', 'moderate', 'weak']);
const PLAN_MEMBERS = ['fieldMapping', 'unmappedSourceFields', 'unmappedDestinationFields'];
const MAX_ERRORS = 50;  // keeps a 400 body readable when a whole array is wrong

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isAbsent = (v) => v === undefined || v === null;  // the SDK's raw types accept null for optional members
const isEnumValue = (v) => typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
const describe = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

class ErrorList {
  constructor() { this.items = []; }
  add(key, message) { if (this.items.length < MAX_ERRORS) this.items.push({ key, message }); }
  get empty() { return this.items.length === 0; }
}

function checkProperty(value, path, errors) {
  if (!isObject(value)) {
    errors.add(path, `must be a field object, got ${describe(value)}`);
    return false;
  }
  let ok = true;
  if (typeof value.key !== 'string' || value.key === '') {
    errors.add(`${path}.key`, 'must be a non-empty string');
    ok = false;
  }
  if (!PROPERTY_TYPES.has(value.type)) {
    errors.add(`${path}.type`, `must be one of ${[...PROPERTY_TYPES].join(', ')}`);
    ok = false;
  }
  return ok;
}

function checkPreview(value, path, errors) {
  if (isAbsent(value)) return;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) errors.add(path, 'must be an array of strings');
}

function checkEnumValues(value, path, errors) {
  if (isAbsent(value)) return;
  if (!Array.isArray(value) || !value.every(isEnumValue)) errors.add(path, 'must be an array of strings, numbers or booleans');
}

function checkEnumDetails(value, path, errors) {
  if (isAbsent(value)) return;
  if (!isObject(value)) return errors.add(path, `must be an object, got ${describe(value)}`);
  if (!Array.isArray(value.mapping)) errors.add(`${path}.mapping`, 'is required and must be an array');
  else {
    value.mapping.forEach((m, i) => {
      if (!isObject(m)) return errors.add(`${path}.mapping[${i}]`, 'must be an object');
      for (const side of ['sourceValue', 'destinationValue']) {
        if (!isAbsent(m[side]) && !isEnumValue(m[side])) errors.add(`${path}.mapping[${i}].${side}`, 'must be a string, number or boolean');
      }
    });
  }
  checkEnumValues(value.unusedSourceValues, `${path}.unusedSourceValues`, errors);
  checkEnumValues(value.unusedDestinationValues, `${path}.unusedDestinationValues`, errors);
}

function checkMetadata(value, path, errors) {
  if (isAbsent(value)) return;
  if (!isObject(value)) return errors.add(path, `must be an object, got ${describe(value)}`);
  if (!isAbsent(value.certainty) && !CERTAINTIES.has(value.certainty)) errors.add(`${path}.certainty`, 'must be absolute, strong, moderate or weak');
  if (!isAbsent(value.confidence) && !(typeof value.confidence === 'number' && Number.isFinite(value.confidence))) errors.add(`${path}.confidence`, 'must be a number');
}

// Checks element shapes of one plan array; returns the keys of well-formed entries, with their
// paths, so the consistency pass can skip broken ones instead of piling up follow-on errors.
function checkMember(name, list, errors) {
  const found = { source: [], destination: [], isArray: Array.isArray(list) };
  if (!found.isArray) {
    errors.add(name, `must be an array, got ${describe(list)}`);
    return found;
  }
  list.forEach((item, i) => {
    const at = `${name}[${i}]`;
    if (!isObject(item)) return errors.add(at, `must be an object, got ${describe(item)}`);
    if (name !== 'unmappedDestinationFields' && checkProperty(item.sourceField, `${at}.sourceField`, errors)) {
      found.source.push({ key: item.sourceField.key, path: `${at}.sourceField.key` });
    }
    if (name !== 'unmappedSourceFields' && checkProperty(item.destinationField, `${at}.destinationField`, errors)) {
      found.destination.push({ key: item.destinationField.key, path: `${at}.destinationField.key` });
    }
    checkPreview(item.preview, `${at}.preview`, errors);
    if (name === 'fieldMapping') {
      checkEnumDetails(item.enumDetails, `${at}.enumDetails`, errors);
      checkMetadata(item.metadata, `${at}.metadata`, errors);
    }
  });
  return found;
}

// One side (source or destination) of the plan against the job's field set: every field exactly
// once overall, and no destination fed twice. A source may feed several destinations (the schema
// allows 1→N, flatfile-plan-api.md §6.1), so mapped sources are not de-duplicated.
// `complete` is false when a list was not even an array: "field missing" errors would then only
// repeat that one mistake once per field.
function checkSide(side, mapped, unmapped, knownKeys, sheetId, complete, errors) {
  const label = side === 'source' ? 'Source' : 'Destination';
  const mappedAt = new Map();
  for (const { key, path } of mapped) {
    if (!knownKeys.has(key)) { errors.add(path, `Unknown ${side} field '${key}' (not in sheet ${sheetId})`); continue; }
    if (side === 'destination' && mappedAt.has(key)) errors.add(path, `${label} field '${key}' is mapped more than once (also ${mappedAt.get(key)})`);
    if (!mappedAt.has(key)) mappedAt.set(key, path);
  }
  const unmappedAt = new Map();
  for (const { key, path } of unmapped) {
    if (!knownKeys.has(key)) { errors.add(path, `Unknown ${side} field '${key}' (not in sheet ${sheetId})`); continue; }
    if (mappedAt.has(key)) errors.add(path, `${label} field '${key}' is both mapped (${mappedAt.get(key)}) and unmapped`);
    if (unmappedAt.has(key)) errors.add(path, `${label} field '${key}' is listed as unmapped more than once (also ${unmappedAt.get(key)})`);
    unmappedAt.set(key, path);
  }
  if (!complete) return;
  const listName = side === 'source' ? 'unmappedSourceFields' : 'unmappedDestinationFields';
  for (const key of knownKeys) {
    if (!mappedAt.has(key) && !unmappedAt.has(key)) errors.add(listName, `${label} field '${key}' is missing from the plan (neither mapped nor unmapped)`);
  }
}

function checkIdentity(body, job, errors) {
  for (const [member, expected] of [['jobId', job.id], ['fileId', job.fileId]]) {
    const value = body[member];
    if (isAbsent(value)) errors.add(member, `${member} is required`);
    else if (typeof value !== 'string') errors.add(member, `must be a string, got ${describe(value)}`);
    else if (value !== expected) errors.add(member, `${member} '${value}' does not match the job (expected '${expected}')`);
  }
  if (!isAbsent(body.programId) && typeof body.programId !== 'string') errors.add('programId', 'must be a string');
}

// The whole-plan pass shared by PUT and (after merging) PATCH.
function checkPlan(plan, ctx, errors) {
  const mapped = checkMember('fieldMapping', plan.fieldMapping, errors);
  const unmappedSources = checkMember('unmappedSourceFields', plan.unmappedSourceFields, errors);
  const unmappedDestinations = checkMember('unmappedDestinationFields', plan.unmappedDestinationFields, errors);
  checkSide('source', mapped.source, unmappedSources.source, ctx.sourceKeys, ctx.sourceSheetId,
    mapped.isArray && unmappedSources.isArray, errors);
  checkSide('destination', mapped.destination, unmappedDestinations.destination, ctx.destinationKeys, ctx.destinationSheetId,
    mapped.isArray && unmappedDestinations.isArray, errors);
}

// ctx: { job, sourceKeys: Set, destinationKeys: Set, sourceSheetId, destinationSheetId }.
// Returns { errors, plan } where plan is the new stored plan (only meaningful without errors).
export function validatePut(body, ctx) {
  const errors = new ErrorList();
  if (!isObject(body)) return { errors: [{ key: 'body', message: `must be a JSON object, got ${describe(body)}` }], plan: null };
  checkIdentity(body, ctx.job, errors);
  for (const member of PLAN_MEMBERS) if (isAbsent(body[member])) errors.add(member, `${member} is required`);
  if (!errors.empty) return { errors: errors.items, plan: null };
  checkPlan(body, ctx, errors);
  return { errors: errors.items, plan: pickPlan(body) };
}

// PATCH replaces the top-level members it carries (flatfile-plan-api.md §4.3 reads it that way);
// the merged plan must still satisfy every PUT rule.
export function validatePatch(body, ctx, currentPlan) {
  const errors = new ErrorList();
  if (!isObject(body)) return { errors: [{ key: 'body', message: `must be a JSON object, got ${describe(body)}` }], plan: null };
  checkIdentity(body, ctx.job, errors);
  if (!errors.empty) return { errors: errors.items, plan: null };
  const merged = { ...currentPlan };
  for (const member of [...PLAN_MEMBERS, 'programId']) if (!isAbsent(body[member])) merged[member] = body[member];
  checkPlan(merged, ctx, errors);
  return { errors: errors.items, plan: pickPlan(merged) };
}

// The stored plan keeps exactly the JobExecutionPlan members; fileId/jobId belong to the request.
function pickPlan(source) {
  const plan = {};
  for (const member of PLAN_MEMBERS) plan[member] = source[member];
  if (!isAbsent(source.programId)) plan.programId = source.programId;
  return plan;
}
