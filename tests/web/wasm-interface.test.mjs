// The JS boundary agrees with its one declaration (src/app/web/wasm_interface.json): the module's
// exports, the config it reads, the event names and the fallback faces, as main_web.cpp,
// app_host.h and fonts.h define them, as plan-mapper.js uses them and as plan-mapper.d.ts
// declares them. The JS and the .d.ts are read with TypeScript's parser; the C++ by pattern.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import ts from 'typescript';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readText = (file) => readFileSync(root + file, 'utf8');
const declared = JSON.parse(readText('src/app/web/wasm_interface.json'));
const mainWeb = readText('src/app/web/main_web.cpp');
const widgetJs = ts.createSourceFile('plan-mapper.js', readText('web/widget/plan-mapper.js'), ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
// The text runs (text-runs.js, which starts them) and their bookkeeping call the module too.
const atlasJs = ts.createSourceFile('text-run-atlas.js', readText('web/widget/text-run-atlas.js'), ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
const runsJs = ts.createSourceFile('text-runs.js', readText('web/widget/text-runs.js'), ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
const typesTs = ts.createSourceFile('plan-mapper.d.ts', readText('web/widget/plan-mapper.d.ts'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);

const sorted = (values) => [...new Set(values)].sort();
function walk(node, visit) { visit(node); ts.forEachChild(node, (child) => walk(child, visit)); }
const propertyName = (member) => member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) ? member.name.text : null;

// `object.name` accesses in plan-mapper.js (or `source`) whose object is the identifier `objectName`.
function accessesOf(objectName, source = widgetJs) {
  const names = [];
  walk(source, (node) => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === objectName) names.push(node.name.text);
  });
  return names;
}
// The object literal or array initialising `const name = ...` in plan-mapper.js.
function initializerOf(name) {
  let found = null;
  walk(widgetJs, (node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name) found = node.initializer;
  });
  assert.ok(found, `plan-mapper.js declares ${name}`);
  return found;
}
function interfaceMembers(name) {
  const node = typesTs.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === name);
  assert.ok(node, `plan-mapper.d.ts declares ${name}`);
  return node.members.map(propertyName).filter(Boolean);
}

test('the module defines exactly the declared exports, and the glue (plan-mapper.js, text-runs.js, text-run-atlas.js) calls only those (all of them)', () => {
  const defined = [...mainWeb.matchAll(/EMSCRIPTEN_KEEPALIVE\s+[\w\s*]+?\b(pm_\w+)\s*\(/g)].map((m) => m[1]);
  const declaredPm = declared.exports.filter((name) => name.startsWith('pm_'));
  assert.deepEqual(sorted(defined), sorted(declaredPm));
  const called = [...accessesOf('module'), ...accessesOf('module', atlasJs), ...accessesOf('module', runsJs)].filter((name) => name.startsWith('_')).map((name) => name.slice(1));
  assert.deepEqual(sorted(called), sorted(declared.exports));
  for (const method of declared.runtimeMethods) assert.ok(accessesOf('module').includes(method), `plan-mapper.js uses ${method}`);
});

test('the config the glue sends is the config the module reads', () => {
  const config = initializerOf('config');
  assert.ok(ts.isObjectLiteralExpression(config));
  assert.deepEqual(sorted(config.properties.map(propertyName)), sorted(declared.config));
  const body = mainWeb.slice(mainWeb.indexOf('parse_config('), mainWeb.indexOf('EMSCRIPTEN_KEEPALIVE void pm_resize'));
  const read = [...body.matchAll(/(?:text|flag|find|value)\("(\w+)"/g)].map((m) => m[1]);
  // pageOrigin, token, ... are read; "draft" and "plan" through find(); testHooks through value().
  assert.deepEqual(sorted(read), sorted(declared.config));
});

test('the events are AppEvent, in order, and each callback is declared and wired', () => {
  const appHost = readText('src/app/app_host.h');
  const enumBody = appHost.match(/enum class AppEvent \{([\s\S]*?)\};/)[1];
  const enumerators = [...enumBody.matchAll(/^\s*(\w+),/gm)].map((m) => m[1]);
  const names = Object.fromEntries([...appHost.matchAll(/case AppEvent::(\w+): return "(\w+)";/g)].map((m) => [m[1], m[2]]));
  assert.deepEqual(enumerators.map((e) => names[e]), declared.events.map((e) => e.name));
  assert.match(appHost, new RegExp(`kAppEventCount = ${declared.events.length};`));

  const options = interfaceMembers('PlanMapperOptions');
  const handlers = initializerOf('handlers');
  const wired = Object.fromEntries(handlers.properties.map((p) => [propertyName(p), p.initializer.getText()]));
  for (const { name, callback } of declared.events) {
    if (callback === null) {
      assert.equal(wired[name], undefined, `${name} has no callback`);
      continue;
    }
    assert.ok(options.includes(callback), `plan-mapper.d.ts declares ${callback}`);
    assert.equal(wired[name], `options.${callback}`, `plan-mapper.js hands ${name} to ${callback}`);
  }
});

test('every option the glue reads is declared in plan-mapper.d.ts, and every declared one is read', () => {
  // plan-mapper.js hands `options` to some of its helper modules (drafts.js, ...): the reads of
  // the modules whose imported functions it calls with `options` count too.
  const importedFrom = {};
  for (const statement of widgetJs.statements) {
    if (!ts.isImportDeclaration(statement) || !statement.importClause?.namedBindings) continue;
    const file = statement.moduleSpecifier.text.replace(/^\.\//, '');
    if (!ts.isNamedImports(statement.importClause.namedBindings)) continue;
    for (const element of statement.importClause.namedBindings.elements) importedFrom[element.name.text] = file;
  }
  const helperSet = new Set();
  walk(widgetJs, (node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && importedFrom[node.expression.text] &&
        node.arguments.some((a) => ts.isIdentifier(a) && a.text === 'options')) helperSet.add(importedFrom[node.expression.text]);
  });
  const helpers = [...helperSet];
  const read = [...accessesOf('options')];
  for (const file of helpers) {
    const source = ts.createSourceFile(file, readText(`web/widget/${file}`), ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
    read.push(...accessesOf('options', source));
  }
  assert.deepEqual(sorted(read), sorted(interfaceMembers('PlanMapperOptions')));
});

test('the fallback faces are ui::FallbackFace in order, with the files the glue fetches and dist ships', () => {
  const fonts = readText('src/ui/fonts.h');
  const enumBody = fonts.match(/enum class FallbackFace \{([\s\S]*?)\};/)[1];
  const faces = [...enumBody.matchAll(/^\s*(\w+),/gm)].map((m) => m[1]);
  assert.deepEqual(faces, declared.fallbackFaces.map((f) => f.face));
  assert.match(fonts, new RegExp(`kFallbackFaceCount = ${faces.length};`));
  const files = initializerOf('FALLBACK_FONT_FILES');
  assert.deepEqual(files.elements.map((e) => e.text), declared.fallbackFaces.map((f) => f.file));
  const dist = readText('web/CMakeLists.txt');
  for (const { file } of declared.fallbackFaces) assert.ok(dist.includes(`fonts/${file}`), `dist ships fonts/${file}`);
});
