#!/usr/bin/env node
// dist step: joins the accessibility mirror's private modules into the one module the widget
// imports, so a browser downloads (and gzip packs) one file instead of four: a11y-grid.js,
// a11y-combobox.js and a11y-memory.js are imported only by each other and by a11y-mirror.js.
// Each joined module keeps its own scope (a function around its code, returning its exports), in
// the order the browser would have evaluated them; imports from outside the group (messages.js)
// stay imports, once each. Anything this simple joiner does not handle (a renamed or default
// import or export, an export list, a name imported from two modules) stops the build with a
// message rather than produce a different program. The sources in web/widget stay as they are.
//   node web/bundle/join-modules.mjs WIDGET_SOURCE_DIR DIST_DIR
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [sourceDir, dist] = process.argv.slice(2);
if (!sourceDir || !dist) throw new Error('usage: node web/bundle/join-modules.mjs WIDGET_SOURCE_DIR DIST_DIR');

// The entry and the modules joined into it, each after the modules it imports.
const ENTRY = 'a11y-mirror.js';
const MEMBERS = ['a11y-grid.js', 'a11y-combobox.js', 'a11y-memory.js'];

const IMPORT = /^import\s*\{([^}]*)\}\s*from\s*'\.\/([\w.-]+\.js)';[ \t]*$/gm;
const fail = (file, why) => { throw new Error(`join-modules: ${file}: ${why}`); };
const names = (list, file) => list.split(',').map((s) => s.trim()).filter(Boolean).map((name) => {
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) fail(file, `cannot join an import written "${name}"`);
  return name;
});

const external = new Map();   // module -> names imported from it (kept as imports)
const provided = new Map();   // name -> member that exports it
const parts = [];
for (const file of [...MEMBERS, ENTRY]) {
  let text = readFileSync(path.join(sourceDir, file), 'utf8');
  if (/^\s*import\s+(?!\{)/m.test(text.replace(IMPORT, ''))) fail(file, 'only "import { a, b } from \'./x.js\'" can be joined');
  for (const [, list, from] of text.matchAll(IMPORT)) {
    for (const name of names(list, file)) {
      if (MEMBERS.includes(from)) {
        if (provided.get(name) !== from) fail(file, `imports ${name} from ${from}, which does not export it before this module`);
      } else {
        if (provided.has(name)) fail(file, `${name} is imported from ${from} and exported by ${provided.get(name)}`);
        if (!external.has(from)) external.set(from, new Set());
        external.get(from).add(name);
      }
    }
  }
  text = text.replace(IMPORT, '');
  if (file === ENTRY) { parts.push(text); break; }
  if (/^\s*export\s+(?:default|\{|\*)/m.test(text)) fail(file, 'only "export function|class|const|let NAME" can be joined');
  const exported = [];
  text = text.replace(/^export\s+((?:async\s+)?function\*?|class|const|let)\s+([A-Za-z_$][\w$]*)/gm, (_, kind, name) => {
    if (provided.has(name) || [...external.values()].some((set) => set.has(name))) fail(file, `${name} is exported twice`);
    exported.push(name);
    return `${kind} ${name}`;
  });
  if (/^\s*export\b/m.test(text)) fail(file, 'an export this joiner cannot read is left');
  for (const name of exported) provided.set(name, file);
  parts.push(`// ${file}\nconst { ${exported.join(', ')} } = (() => {\n${text}\nreturn { ${exported.join(', ')} };\n})();\n`);
}
const imports = [...external].map(([from, set]) => `import { ${[...set].join(', ')} } from './${from}';`).join('\n');
writeFileSync(path.join(dist, ENTRY), `${imports}\n${parts.join('\n')}`);
console.log(`join-modules: ${MEMBERS.join(', ')} joined into ${ENTRY}`);
