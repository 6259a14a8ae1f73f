import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type TestApp, createTestApp } from '../../test/testApp';

describe('H5 build at /h5/', () => {
  let parent: string;
  let dir: string;
  let app: TestApp;

  beforeAll(async () => {
    parent = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-h5-'));
    dir = path.join(parent, 'h5');
    fs.mkdirSync(path.join(dir, 'js'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'css'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>321 民情在线</title>');
    fs.writeFileSync(path.join(dir, 'js', 'app.1234abcd.js'), 'console.log("app")');
    fs.writeFileSync(path.join(dir, 'css', 'app.1234abcd.css'), 'body{}');
    fs.writeFileSync(path.join(parent, 'secret.txt'), 'not for the web');
    app = await createTestApp({ config: { h5Dir: dir } });
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(parent, { recursive: true, force: true });
  });

  it('serves index.html at /h5/ and redirects /h5 there', async () => {
    const page = await app.http.get('/h5/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.text).toContain('321 民情在线');

    const bare = await app.http.get('/h5');
    expect(bare.status).toBe(302);
    expect(bare.headers.location).toBe('/h5/');
  });

  it('serves built files with their content type, hashed ones cached for good', async () => {
    const script = await app.http.get('/h5/js/app.1234abcd.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toContain('immutable');
    expect(script.text).toBe('console.log("app")');

    const style = await app.http.get('/h5/css/app.1234abcd.css');
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('gzips text for browsers that accept it', async () => {
    const script = await app.http.get('/h5/js/app.1234abcd.js').set('Accept-Encoding', 'gzip');
    expect(script.headers['content-encoding']).toBe('gzip');
    expect(script.headers.vary).toContain('Accept-Encoding');
    expect(script.text).toBe('console.log("app")');
    const plain = await app.http.get('/h5/js/app.1234abcd.js').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe('console.log("app")');
  });

  it('answers client routes with index.html so a reload works', async () => {
    const route = await app.http.get('/h5/packages/my-reports/detail/index?id=01J');
    expect(route.status).toBe(200);
    expect(route.text).toContain('321 民情在线');
  });

  it('answers a missing asset with the JSON 404, not the page', async () => {
    const missing = await app.http.get('/h5/js/gone.js');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: { code: 'not_found', message: '没有找到' } });
  });

  it('never serves files outside the build folder', async () => {
    for (const attempt of [
      '/h5/../secret.txt',
      '/h5/%2e%2e/secret.txt',
      '/h5/%2e%2e%2fsecret.txt',
      '/h5/js/..%2f..%2fsecret.txt',
      '/h5/..%5csecret.txt',
      '/h5/%00',
    ]) {
      const response = await app.http.get(attempt);
      expect(response.text).not.toContain('not for the web');
    }
  });

  it('leaves the API alone and only answers GET and HEAD', async () => {
    const health = await app.http.get('/healthz');
    expect(health.body.status).toBe('ok');
    const post = await app.http.post('/h5/').send({});
    expect(post.status).toBe(404);
    const head = await app.http.head('/h5/js/app.1234abcd.js');
    expect(head.status).toBe(200);
  });
});

describe('without an H5 build', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ config: { h5Dir: path.join(os.tmpdir(), 'minqing-no-such-build') } });
  });
  afterAll(() => app.close());

  it('/h5/ is an ordinary 404', async () => {
    const response = await app.http.get('/h5/');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('not_found');
  });
});
