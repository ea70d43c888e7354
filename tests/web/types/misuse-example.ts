// Must NOT type-check: tests/web/types.test.mjs asserts that tsc rejects each marked line.
import { mountPlanMapper } from '../../../web/widget/plan-mapper.js';

export async function misuse(container: HTMLElement): Promise<void> {
  await mountPlanMapper(container, { submitMethod: 'post' });          // not "put" or "patch"
  await mountPlanMapper(container, { theme: 'blue' });                 // not a theme
  await mountPlanMapper(container, { allowedApiOrigins: 'https://api.x.flatfile.com' }); // not a list
  await mountPlanMapper(container, { strings: { 'header.undoo': 'Zurück' } });  // not a message key
  const controller = await mountPlanMapper(container);
  controller?.setPlan(42);                                             // not a plan
}
