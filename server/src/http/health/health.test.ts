import { type TestApp, createTestApp } from '../../test/testApp';

describe('health', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('reports the database reachable, with a request id', async () => {
    const response = await app.http.get('/healthz').set('X-Request-Id', 'probe-12345678');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', database: 'ok' });
    expect(response.headers['x-request-id']).toBe('probe-12345678');
  });

  it('answers unknown routes with the JSON error shape', async () => {
    const response = await app.http.get('/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: { code: 'not_found', message: '没有找到' } });
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const response = await app.http
      .post('/api/v1/auth/dev-login')
      .set('Content-Type', 'application/json')
      .send('{"openid":');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('bad_request');
  });
});
