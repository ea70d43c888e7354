// An embedding example checked against web/widget/plan-mapper.d.ts by tests/web/types.test.mjs.
import { FLATFILE_API_ORIGINS, mountPlanMapper, type ExecutionPlan, type PlanMapperError } from '../../../web/widget/plan-mapper.js';

export async function embed(container: HTMLElement): Promise<number> {
  const controller = await mountPlanMapper(container, {
    apiUrl: 'https://api.x.flatfile.com/v1',
    allowedApiOrigins: [...FLATFILE_API_ORIGINS, 'https://flatfile-proxy.example.com'],
    drafts: true,
    draftTtlDays: 3,
    jobId: 'us_jb_example',
    getToken: async () => 'token-from-the-host-backend',
    theme: 'dark',
    submitMethod: 'patch',
    signal: new AbortController().signal,
    onChange: (plan: ExecutionPlan) => console.log(plan.fieldMapping.length),
    onError: (error: PlanMapperError) => console.warn(error.message, error.status),
  });
  if (!controller) return 0;
  const plan = controller.getPlan();
  controller.undo();
  controller.submit();
  const element = document.createElement('plan-mapper');
  element.getToken = () => 'token';
  element.allowedApiOrigins = ['https://platform.eu.flatfile.com'];
  return plan ? plan.fieldMapping.length : 0;
}
