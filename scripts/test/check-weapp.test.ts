import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SCRIPT = path.join(__dirname, 'check-weapp.mjs');

/** A WeChat build folder holding these files. */
function build(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-'));
  for (const [name, text] of Object.entries({ 'app.json': '{"pages":["pages/home/index"]}', ...files })) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const check = (dir: string) => spawnSync(process.execPath, [SCRIPT, dir], { encoding: 'utf8' });

describe('check:weapp compiles the WeChat build with wcc and wcsc', () => {
  it('passes a build WeChat accepts', () => {
    const run = check(
      build({
        'pages/home/index.wxml': '<view wx:for="{{list}}" wx:key="id"><text>{{item.name}}</text></view>',
        'pages/home/index.json': '{"usingComponents":{}}',
        'pages/home/index.wxss': '.row { font-size: 32rpx; }',
        'app.wxss': 'page { color: #333; }',
      }),
    );
    expect(run.stdout).toContain('wcc compiled 1 WXML files, wcsc 2 WXSS files, without an error');
    expect(run.status).toBe(0);
  });

  it('fails on a template that WeChat’s compiler refuses, naming the file and line', () => {
    const run = check(build({ 'pages/home/index.wxml': '<view>{{item.</view>\n<view></text>' }));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('wcc refused the WeChat build');
    expect(run.stderr).toContain('index.wxml:2');
  });

  it('fails on a stylesheet that WeChat’s compiler refuses', () => {
    const run = check(
      build({ 'pages/home/index.wxml': '<view/>', 'app.wxss': '.a { color: red; }\n@import "missing.wxss";' }),
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('wcsc refused the WeChat build');
    expect(run.stderr).toContain('missing.wxss');
  });
});
