// An embedding example checked against web/widget/plan-mapper.d.ts by tests/web/types.test.mjs.
import { FLATFILE_API_ORIGINS, mountPlanMapper, type ExecutionPlan, type MappingMemoryDocument, type PlanMapperError } from '../../../web/widget/plan-mapper.js';

export async function embed(container: HTMLElement): Promise<number> {
  const controller = await mountPlanMapper(container, {
    apiUrl: 'https://api.x.flatfile.com/v1',
    allowedApiOrigins: [...FLATFILE_API_ORIGINS, 'https://flatfile-proxy.example.com'],
    drafts: true,
    draftTtlDays: 3,
    jobId: 'us_jb_example',
    getToken: async () => 'token-from-the-host-backend',
    theme: 'dark',
    lang: 'de',
    strings: { 'header.review': 'Zuordnung prüfen und senden', 'say.cleared': { one: '{count} Zuordnung gelöscht.', other: '{count} Zuordnungen gelöscht.' } },
    submitMethod: 'patch',
    signal: new AbortController().signal,
    onChange: (plan: ExecutionPlan) => console.log(plan.fieldMapping.length),
    onError: (error: PlanMapperError) => console.warn(error.message, error.status),
    // The mapping memory kept by the host, per schema (sync or Promise).
    memory: {
      load: async (schemaId: string) => (await fetch(`/memory/${schemaId}`)).json() as Promise<MappingMemoryDocument>,
      save: (schemaId: string, memory: MappingMemoryDocument) => { void fetch(`/memory/${schemaId}`, { method: 'PUT', body: JSON.stringify(memory) }); },
    },
  });
  if (!controller) return 0;
  const plan = controller.getPlan();
  controller.undo();
  controller.submit();
  const remembered = controller.memory.list().entries?.length ?? 0;
  controller.memory.forget('tel_mobile');
  const exported = controller.memory.export().memory;
  if (exported) controller.memory.import(exported);
  void remembered;
  const element = document.createElement('plan-mapper');
  element.getToken = () => 'token';
  element.allowedApiOrigins = ['https://platform.eu.flatfile.com'];
  return plan ? plan.fieldMapping.length : 0;
}
