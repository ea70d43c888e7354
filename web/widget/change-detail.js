// @ts-check
// The detail of a `change` event (onChange and plan-mapper-change). The module says only what
// changed in a few bytes ({revision, counts}); the plan itself, 1.7 MB of JSON on a 5,000-field
// plan, is written only when the host reads one of its members (fieldMapping,
// unmappedSourceFields, ...), once per event. Hosts that took the detail for the plan keep
// working: every member of the plan reads through, and JSON.stringify, Object.keys and spreading
// see the plan's members beside revision and counts.
// The plan is built from the widget as it stands when first read: read it in the handler to
// get the plan of that very change (a later edit shows in a detail read later).

/**
 * @param {{revision: number, counts: object}} summary what the module sent
 * @param {() => object | null} buildPlan the plan as it stands now (controller.getPlan())
 */
export function changeDetail(summary, buildPlan) {
  const own = { revision: summary?.revision ?? 0, counts: summary?.counts ?? {} };
  /** @type {Record<string, unknown> | null} */
  let plan = null;
  const planNow = () => {
    if (plan === null) {
      const built = buildPlan();
      plan = built && typeof built === 'object' ? /** @type {Record<string, unknown>} */ (built) : {};
    }
    return plan;
  };
  const isOwn = (name) => typeof name === 'string' && Object.prototype.hasOwnProperty.call(own, name);
  // 'then' is asked by every await and Promise.resolve, 'toJSON' by JSON.stringify: neither
  // builds the plan (a plan has no such members).
  const inPlan = (name) => typeof name === 'string' && name !== 'then' && name !== 'toJSON' &&
    Object.prototype.hasOwnProperty.call(planNow(), name);
  return new Proxy(own, {
    get(target, name, receiver) {
      if (typeof name !== 'string' || isOwn(name) || !inPlan(name)) return Reflect.get(target, name, receiver);
      return planNow()[name];
    },
    has(target, name) { return isOwn(name) || inPlan(name) || Reflect.has(target, name); },
    ownKeys(target) { return [...Reflect.ownKeys(target), ...Object.keys(planNow()).filter((name) => !isOwn(name))]; },
    getOwnPropertyDescriptor(target, name) {
      if (typeof name !== 'string' || isOwn(name) || !inPlan(name)) return Reflect.getOwnPropertyDescriptor(target, name);
      return { value: planNow()[name], writable: true, enumerable: true, configurable: true };
    },
  });
}
