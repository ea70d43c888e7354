#!/usr/bin/env node
// dist step: joins private modules into the one module that imports them, so a browser downloads
// (and gzip packs) one file instead of several. Two groups:
//   - a11y-mirror.js with a11y-grid.js, a11y-combobox.js and a11y-memory.js, imported only by
//     each other and by a11y-mirror.js;
//   - plan-mapper.js with the helpers only it imports (drafts, change detail, text entry, memory
//     store, deferred code, SHA-256): with HTTP/1.1's 6 connections each file more before the
//     widget can mount is another turn of requests (issue 17, the first frame after navigation).
// A module another file also imports (messages.js: the mirror; allowed-origins.js: the standalone
// page) or that the build writes later (bundle-integrity.js), the Emscripten glue and the mirror
// (its own group) stay files of their own.
// Each joined module keeps its own scope (a function around its code, returning its exports), in
// the order the browser would have evaluated them; imports of a member from outside the group stay
// imports, once each; the entry's other imports and re-exports stay as written. Anything this
// simple joiner does not handle in a member (a renamed or default import or export, an export
// list, a name imported from two modules) stops the build with a message rather than produce a
// different program. The sources in web/widget stay as they are.
//   node web/bundle/join-modules.mjs WIDGET_SOURCE_DIR DIST_DIR
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// Each entry and the modules joined into it, each member after the members it imports.
// web/CMakeLists.txt removes the members from dist (and lists them as the dist target's inputs).
export const GROUPS = [
  { entry: 'a11y-mirror.js', members: ['a11y-grid.js', 'a11y-combobox.js', 'a11y-memory.js'] },
  { entry: 'plan-mapper.js', members: ['sha256.js', 'deferred-code.js', 'drafts.js', 'change-detail.js', 'text-entry.js', 'memory-store.js'] },
];

const IMPORT = /^import\s*\{([^}]*)\}\s*from\s*'\.\/([\w.-]+\.js)';[ \t]*$/gm;
const fail = (file, why) => { throw new Error(`join-modules: ${file}: ${why}`); };
const names = (list, file) => list.split(',').map((s) => s.trim()).filter(Boolean).map((name) => {
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) fail(file, `cannot join an import written "${name}"`);
  return name;
});

function join(sourceDir, dist, { entry, members }) {
  const external = new Map();   // module -> names imported from it (kept as imports)
  const provided = new Map();   // name -> member that exports it
  const parts = [];
  for (const file of [...members, entry]) {
    let text = readFileSync(path.join(sourceDir, file), 'utf8');
    // The entry's other imports (a default import, a re-export) stay where they are, as written.
    if (file !== entry && /^\s*import\s+(?!\{)/m.test(text.replace(IMPORT, ''))) fail(file, 'only "import { a, b } from \'./x.js\'" can be joined');
    for (const [, list, from] of text.matchAll(IMPORT)) {
      for (const name of names(list, file)) {
        if (members.includes(from)) {
          if (provided.get(name) !== from) fail(file, `imports ${name} from ${from}, which does not export it before this module`);
        } else {
          if (provided.has(name)) fail(file, `${name} is imported from ${from} and exported by ${provided.get(name)}`);
          if (!external.has(from)) external.set(from, new Set());
          external.get(from).add(name);
        }
      }
    }
    text = text.replace(IMPORT, '');
    if (file === entry) {
      // A member re-exported by the entry would need its binding: not supported, say so.
      for (const [, from] of text.matchAll(/^export\s*\{[^}]*\}\s*from\s*'\.\/([\w.-]+\.js)'/gm)) {
        if (members.includes(from)) fail(file, `re-exports from ${from}, which is joined into it`);
      }
      parts.push(text);
      break;
    }
    if (/^\s*export\s+(?:default|\{|\*)/m.test(text)) fail(file, 'only "export function|class|const|let NAME" can be joined');
    const exported = [];
    text = text.replace(/^export\s+((?:async\s+)?function\*?|class|const|let)\s+([A-Za-z_$][\w$]*)/gm, (_, kind, name) => {
      if (provided.has(name) || [...external.values()].some((set) => set.has(name))) fail(file, `${name} is exported twice`);
      exported.push(name);
      return `${kind} ${name}`;
    });
    if (/^\s*export\b/m.test(text)) fail(file, 'an export this joiner cannot read is left');
    if (/\bimport\.meta\b/.test(text)) fail(file, 'uses import.meta, which would then be the entry\'s');
    for (const name of exported) provided.set(name, file);
    parts.push(`// ${file}\nconst { ${exported.join(', ')} } = (() => {\n${text}\nreturn { ${exported.join(', ')} };\n})();\n`);
  }
  const imports = [...external].map(([from, set]) => `import { ${[...set].join(', ')} } from './${from}';`).join('\n');
  writeFileSync(path.join(dist, entry), `${imports}\n${parts.join('\n')}`);
  console.log(`join-modules: ${members.join(', ')} joined into ${entry}`);
}

// Run as the dist step; imported (tools/bench-web.mjs reads GROUPS), it only exports.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [sourceDir, dist] = process.argv.slice(2);
  if (!sourceDir || !dist) throw new Error('usage: node web/bundle/join-modules.mjs WIDGET_SOURCE_DIR DIST_DIR');
  for (const group of GROUPS) join(sourceDir, dist, group);
}
