import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../config';
import { type TestApp, createTestApp } from '../../test/testApp';

/** The staff admin panel's Vite build (server/admin/dist), served through the same static middleware as /h5/. */
describe('admin panel build at /admin/', () => {
  let dir: string;
  let app: TestApp;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-admin-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>321 民情在线 · 工作台</title>');
    fs.writeFileSync(path.join(dir, 'assets', 'index-Ab12Cd34.js'), 'console.log("admin")');
    app = await createTestApp({ config: { adminDir: dir } });
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at /admin/, redirects /admin there, and answers client routes with it', async () => {
    const page = await app.http.get('/admin/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.text).toContain('工作台');

    const bare = await app.http.get('/admin');
    expect(bare.status).toBe(302);
    expect(bare.headers.location).toBe('/admin/');

    const route = await app.http.get('/admin/queue');
    expect(route.text).toContain('工作台');
  });

  it("caches Vite's hashed assets for good and keeps missing ones a JSON 404", async () => {
    const script = await app.http.get('/admin/assets/index-Ab12Cd34.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toContain('immutable');

    const missing = await app.http.get('/admin/assets/gone.js');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
  });

  it('leaves the API and the H5 path alone', async () => {
    const login = await app.http.post('/api/v1/staff/auth/login').send({ username: 'nobody', password: 'x' });
    expect(login.status).not.toBe(200);
    expect(login.body.error).toBeDefined();
    const h5 = await app.http.get('/h5/');
    expect(h5.text).not.toContain('工作台');
  });
});

describe('ADMIN_DIR', () => {
  const secrets = { TOKEN_SECRET: 'x'.repeat(32), DATA_ENCRYPTION_KEY: 'a'.repeat(64) };

  it('defaults to server/admin/dist and can be moved', () => {
    expect(loadConfig(secrets).adminDir).toBe(path.resolve(__dirname, '../../../admin/dist'));
    expect(loadConfig({ ...secrets, ADMIN_DIR: '/srv/admin' }).adminDir).toBe('/srv/admin');
  });
});

describe('without an admin build', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ config: { adminDir: path.join(os.tmpdir(), 'minqing-no-such-admin') } });
  });
  afterAll(() => app.close());

  it('/admin/ is an ordinary 404', async () => {
    const response = await app.http.get('/admin/');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('not_found');
  });
});
