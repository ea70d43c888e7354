// Systematic mutations of the base plan response: a wrong type at every member and array element,
// and every object member missing. Each case says what the contract expects (base-plan.mjs):
//   a member the widget reads  -> "problems", with a problem at (or next to) that pointer;
//   a member it only carries   -> "usable", and the odd value goes back in the PUT body unchanged;
//   an optional member set to null or left out -> "usable" (null reads as absent).
import { baseResponse, memberRule, putBodyPointer, walk, mutate } from './base-plan.mjs';

const WRONG = [null, 42, 'x', true, [], {}];

function jsonType(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const article = (type) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

function slug(pointer) {
  return pointer.replace(/^\/data\//, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'root';
}

// Two wrong values per member, rotating through WRONG so every type lands on every kind of member
// somewhere in the corpus (deterministic: the rotation depends only on the member's position).
function wrongValuesFor(value, index) {
  const candidates = WRONG.filter((w) => jsonType(w) !== jsonType(value));
  return [candidates[index % candidates.length], candidates[(index + 3) % candidates.length]];
}

function expectationFor(document, pointer, value, removed) {
  const rule = memberRule(document, pointer);
  const put = putBodyPointer(pointer);
  const scalar = ['string', 'number', 'boolean'].includes(jsonType(value));
  const harmless = !rule || (rule.need === 'optional' && (removed || value === null)) || (rule.enumValue && !removed && scalar);
  if (!harmless) return { expect: 'problems', pointer };
  const out = { expect: 'usable' };
  if (put) out.kept = removed ? { pointer: put, absent: true } : { pointer: put, value };
  return out;
}

export function wrongTypeCases() {
  const base = baseResponse();
  return walk(base).flatMap(([pointer, value], index) =>
    wrongValuesFor(value, index).map((wrong) => ({
      name: `wrong-type-${slug(pointer)}-${jsonType(wrong)}`,
      category: 'wrong-type',
      description: `${pointer} is ${JSON.stringify(wrong)} instead of ${article(jsonType(value))}`,
      ...expectationFor(base, pointer, wrong, false),
      text: JSON.stringify(mutate(base, pointer, wrong)),
    })));
}

export function missingMemberCases() {
  const base = baseResponse();
  return walk(base)
    .filter(([pointer]) => !/\/\d+$/.test(pointer))          // object members only
    .map(([pointer]) => ({
      name: `missing-${slug(pointer)}`,
      category: 'missing-member',
      description: `${pointer} left out`,
      ...expectationFor(base, pointer, undefined, true),
      text: JSON.stringify(mutate(base, pointer, undefined, { remove: true })),
    }));
}
