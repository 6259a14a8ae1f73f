import { API_CONTRACTS, type RouteContract, staffStatsRoutes } from '@minqing/shared';
import { type TestApp, createTestApp } from '../../test/testApp';
import { openApiDocument } from './openApiDocument';

/** How the page heads a route: its method and its whole path, `{id}` for `:id`. */
const headingOf = (method: string, path: string) =>
  `<span class="method ${method}">${method.toUpperCase()}</span> <code>${path}</code>`;
const documentedPath = (contract: RouteContract) =>
  `${contract.root ? '' : '/api/v1'}${contract.path.replace(/:(\w+)/g, '{$1}')}`;

describe('GET /api/v1/docs', () => {
  let app: TestApp;
  let status: number;
  let contentType: string;
  let policy: string;
  let html: string;

  beforeAll(async () => {
    app = await createTestApp();
    const response = await app.http.get('/api/v1/docs');
    ({ status, text: html } = response);
    contentType = response.headers['content-type'];
    policy = response.headers['content-security-policy'];
  });
  afterAll(() => app.close());

  /** The part of the page about one route. */
  const sectionOf = (method: string, path: string) => {
    const start = html.indexOf(headingOf(method, path));
    expect(start).toBeGreaterThan(-1);
    return html.slice(start, html.indexOf('</article>', start));
  };

  it('answers a page in Chinese without sign-in, that loads nothing from anywhere', () => {
    expect(status).toBe(200);
    expect(contentType).toBe('text/html; charset=utf-8');
    expect(policy).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(html).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    expect(html).toContain('<h1>321 民情在线 API 接口文档</h1>');
    expect(html).toContain('<a href="/api/v1/openapi.json"><code>/api/v1/openapi.json</code></a>');
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(|@import/i);
    expect(html).toContain('<h2>民情办理（工作人员） <span class="en">Reports, staff side</span></h2>');
  });

  it('describes a route under its tag: who may call it, its query, its answer and its errors', () => {
    const stats = html.indexOf('<section id="tag-stats"><h2>统计与排行 ');
    expect(stats).toBeGreaterThan(-1);
    const overview = sectionOf('get', '/api/v1/staff/stats/overview');
    expect(html.indexOf(overview)).toBeGreaterThan(stats);
    expect(overview).toContain('统计概览');
    expect(overview).toContain(
      '<dt>调用者</dt><dd>工作人员（管理后台登录后的令牌），权限 <code>stats</code>：镇民情管理员、部门经办人、县指挥中心、系统管理员</dd>',
    );
    expect(overview).toContain('<td><code>from</code></td><td>否</td><td><code>string (date)</code></td>');
    expect(overview).toContain('<b>200</b> 成功：<code>StaffStatsOverview</code>（application/json）');
    for (const code of [400, 401, 403, 429]) expect(overview).toContain(`<li><b>${code}</b> `);
    expect(overview).not.toContain('<b>404</b>');
  });

  it("lists Open311's errors, in the specification's shape, under 错误码", () => {
    const submit = sectionOf('post', '/open311/v2/requests.json');
    const [answersPart, errorsPart] = submit.split('<dt>错误码</dt>');
    expect(answersPart).toContain('<b>201</b>');
    expect(answersPart).not.toContain('<b>401</b>');
    for (const code of [400, 401, 403]) expect(errorsPart).toContain(`<li><b>${code}</b> `);
    expect(errorsPart).toContain('<code>Open311Error</code>（application/json）');
  });

  it("shows a route's description under its summary, its backticked words as code", () => {
    const contact = sectionOf('post', '/api/v1/staff/reports/{id}/reporter-contact');
    expect(contact).toContain(
      '<p class="description">Who: staff in scope. The reporter&#39;s full phone; every call is audited (who, report, IP, reason); 403 for an anonymous 违法举报, 404 when there is no number</p>',
    );
    const files = sectionOf('get', '/api/v1/notices/{id}/files');
    expect(files).toContain('each is downloaded as <code>attachment</code></p>');
    expect(openApiDocument().paths['/api/v1/staff/reports/{id}/reporter-contact'].post?.description).toMatch(
      /^Who: staff in scope\. The reporter's full phone; every call is audited/,
    );
  });

  it('names request bodies, path parameters, downloads and public routes', () => {
    const rankingExport = sectionOf('get', documentedPath(staffStatsRoutes.rankingsExport));
    expect(rankingExport).toContain('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const act = sectionOf('post', '/api/v1/staff/reports/{id}/actions');
    expect(act).toContain('<dt>路径参数</dt>');
    expect(act).toContain('<dt>请求体</dt><dd><code>ReportActionRequest</code>（application/json）</dd>');
    expect(sectionOf('get', '/api/v1/openapi.json')).toContain('<dd>公开，无需登录</dd>');
    expect(sectionOf('get', '/api/v1/me')).toContain('<dd>群众（小程序登录后的令牌）</dd>');
    expect(sectionOf('post', '/api/v1/uploads')).toContain(
      '<dd>群众（小程序登录后的令牌）；或 工作人员（管理后台登录后的令牌），权限 <code>anyStaff</code>：网格员、三线成员、',
    );
  });

  it('lists every declared route, and every route of the OpenAPI document', () => {
    for (const contract of API_CONTRACTS) expect(html).toContain(headingOf(contract.method, documentedPath(contract)));
    const operations = Object.entries(openApiDocument().paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => headingOf(method, path)),
    );
    for (const heading of operations) expect(html).toContain(heading);
    expect(html.split('<article ').length - 1).toBe(operations.length);
    expect(html).toContain(`共 ${operations.length} 个接口`);
  });
});
