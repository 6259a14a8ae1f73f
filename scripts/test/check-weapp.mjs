#!/usr/bin/env node
/**
 * `npm run check:weapp`: compiles the WeChat build (miniapp/dist/weapp) with WeChat's own WXML and
 * WXSS compilers, wcc and wcsc from the developer tools (npm miniprogram-compiler), and fails on any
 * error they report — so a template or stylesheet that only Taro accepted never reaches a phone.
 * Run `npm run build:weapp -w miniapp` first; another build folder can be named as the argument.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const ROOT = path.resolve(
  process.argv[2] ?? path.join(path.dirname(new URL(import.meta.url).pathname), '../../miniapp/dist/weapp'),
);
const require = createRequire(import.meta.url);
const COMPILERS = path.join(path.dirname(require.resolve('miniprogram-compiler/package.json')), 'bin', 'linux');

function fail(line) {
  console.error(`check:weapp: ${line}`);
  process.exit(1);
}

/** Every file under the build with this extension, relative and with forward slashes. */
function filesEnding(extension, dir = ROOT) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesEnding(extension, full);
    return entry.name.endsWith(extension) ? [path.relative(ROOT, full).split(path.sep).join('/')] : [];
  });
}

function pageJson(file) {
  const jsonPath = path.join(ROOT, file.replace(/\.\w+$/, '.json'));
  return fs.existsSync(jsonPath) ? JSON.parse(fs.readFileSync(jsonPath, 'utf8')) : null;
}

/** The compiler's binary, made executable (npm does not keep the mode of these files). */
function compiler(name) {
  const binary = path.join(COMPILERS, name);
  if (!fs.existsSync(binary)) fail(`${binary} is missing: run npm ci`);
  fs.chmodSync(binary, 0o755);
  return binary;
}

function compile(name, args) {
  const run = spawnSync(compiler(name), args, { cwd: ROOT, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
  if (run.error) fail(`${name}: ${run.error.message}`);
  const problems = `${run.stderr ?? ''}`
    .split('\n')
    .filter((line) => line.trim() && !/^error file count: 0$/.test(line.trim()));
  if (run.status !== 0 || problems.length > 0)
    fail(`${name} refused the WeChat build:\n${problems.join('\n') || `exit ${run.status}`}`);
}

if (process.platform !== 'linux') fail('WeChat’s Linux compilers run on Linux only');
if (!fs.existsSync(path.join(ROOT, 'app.json')))
  fail(`${ROOT}/app.json not found: run npm run build:weapp -w miniapp first`);

// WXML: every template with the custom components each page declares, and every WXS module.
const wxml = filesEnding('.wxml');
const withComponents = wxml
  .map((file) => ({ file, components: Object.keys(pageJson(file)?.usingComponents ?? {}) }))
  .filter((page) => page.components.length > 0);
const componentArgs = [
  withComponents.length,
  ...withComponents.flatMap((page) => [page.file, page.components.length, ...page.components]),
].join(' ');
compile('wcc', ['-d', '-cc', componentArgs, ...wxml, ...filesEnding('.wxs'), '-gn', '$gwx']);

// WXSS: page and component stylesheets first, then the shared ones, as the developer tools order them.
const wxss = filesEnding('.wxss');
const ofComponents = wxss.filter((file) => pageJson(file));
const shared = wxss.filter((file) => !pageJson(file));
compile('wcsc', ['-db', '-pc', String(ofComponents.length), ...ofComponents, ...shared]);

console.log(`check:weapp: wcc compiled ${wxml.length} WXML files, wcsc ${wxss.length} WXSS files, without an error`);
