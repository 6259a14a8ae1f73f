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

  it('answers a known path asked with another method with 405 and the methods it takes', async () => {
    const refused = await app.http.delete('/api/v1/reports');
    expect(refused.status).toBe(405);
    expect(refused.headers.allow?.split(', ').sort()).toEqual(['POST']);
    const options = await app.http.options('/api/v1/reports');
    expect(options.status).toBe(200);
    expect(options.headers.allow?.split(', ').sort()).toEqual(['POST']);
    const nested = await app.http.put('/api/v1/auth/dev-login');
    expect(nested.status).toBe(405);
    expect(nested.headers.allow).toBe('POST');
    const unknownMethod = await app.http.patch('/api/v1/nothing-here');
    expect(unknownMethod.status).toBe(404);
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
