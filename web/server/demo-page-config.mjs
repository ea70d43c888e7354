// The standalone page's plan-mapper.config.json as the dev server answers it: the shipped file in
// dist/ lists Flatfile's public API origins only, so a page served on 127.0.0.1 for the demo and
// the browser tests gets one that lists the server's own origin, as API and as embedding parent.
// The file in dist/ is never changed; a deployment serves it as it is.
export function demoPageConfig(origin) {
  return {
    $comment: 'Served by the plan-mapper dev server (web/server/demo-page-config.mjs) in place of dist/plan-mapper.config.json.',
    allowedApiOrigins: [origin],
    allowedParentOrigins: [origin],
  };
}

export const PAGE_CONFIG_PATH = '/plan-mapper.config.json';
