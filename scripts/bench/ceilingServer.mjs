// The ceiling (c): a bare Koa app doing ONE mysql2 INSERT of a report-shaped row per POST.
// No auth check, validation, idempotency, routing or event rows: the most a Node process
// with this database can do, to which the real submission route is compared.
import Koa from 'koa';
import mysql from 'mysql2/promise';
import { ulidFactory } from './ulid.mjs';

const port = Number(process.env.PORT);
// Same pool size and timezone as the server's TypeORM data source.
const pool = mysql.createPool({
  uri: process.env.DATABASE_URL,
  connectionLimit: 20,
  timezone: 'Z',
  charset: 'utf8mb4_unicode_ci',
});
const nextId = ulidFactory();
let serial = 0;

const CITIZEN_ID = nextId(Date.now()); // one stand-in citizen: no token is checked here
const sqlTime = (date) => date.toISOString().slice(0, 23).replace('T', ' ');

function readJson(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString() || '{}'));
      } catch (error) {
        reject(error);
      }
    });
    request.on('error', reject);
  });
}

const app = new Koa();
app.use(async (ctx) => {
  if (ctx.method === 'GET' && ctx.path === '/healthz') {
    await pool.query('SELECT 1');
    ctx.body = { status: 'ok' };
    return;
  }
  if (ctx.method !== 'POST' || ctx.path !== '/api/v1/reports') {
    ctx.status = 404;
    return;
  }
  const body = await readJson(ctx.req);
  const now = new Date();
  const id = nextId(now.getTime());
  const day = sqlTime(now).slice(0, 10).replace(/-/g, '');
  serial += 1;
  const serialNo = `CL${day}-${String(serial).padStart(6, '0')}`;
  const status = body.categoryCode ? 'dispatched' : 'submitted';
  await pool.query(
    `INSERT INTO bench_ceiling (id, serialNo, serviceCode, categoryCode, countyCode, townshipCode, villageCode, citizenId,
       anonymous, text, status, tier, escalated, createdAt, updatedAt, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 'general', 0, ?, ?, 1)`,
    [
      id,
      serialNo,
      body.serviceCode,
      body.categoryCode ?? null,
      body.villageCode.slice(0, 6),
      body.villageCode.slice(0, 9),
      body.villageCode,
      CITIZEN_ID,
      body.text ?? null,
      status,
      sqlTime(now),
      sqlTime(now),
    ],
  );
  ctx.status = 201;
  ctx.body = { id, serialNo, status };
});

const server = app.listen(port, '127.0.0.1');
const stop = () => server.close(() => pool.end().finally(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
