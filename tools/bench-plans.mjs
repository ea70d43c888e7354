// Plans the web benchmarks (tools/bench-web.mjs) and the profiling aid (tools/profile-web.mjs) share.

// A plan of 5,000 source and 5,000 destination fields (4,000 mapped), 5 previews each.
export function bigPlan() {
  const field = (key, i) => ({ key, label: `Field ${i}`, type: i % 7 === 3 ? 'string' : 'string' });
  const preview = (i) => Array.from({ length: 5 }, (_, p) => `v${i}_${p}`);
  const plan = { fieldMapping: [], unmappedSourceFields: [], unmappedDestinationFields: [] };
  for (let i = 0; i < 4000; i += 1) plan.fieldMapping.push({ sourceField: field(`src_${i}`, i), destinationField: field(`dst_${i}`, i), preview: preview(i), metadata: { certainty: 'strong', confidence: 0.92 } });
  for (let i = 4000; i < 5000; i += 1) plan.unmappedSourceFields.push({ sourceField: field(`src_${i}`, i), preview: preview(i) });
  for (let i = 4000; i < 5000; i += 1) plan.unmappedDestinationFields.push({ destinationField: field(`dst_${i}`, i) });
  return plan;
}
