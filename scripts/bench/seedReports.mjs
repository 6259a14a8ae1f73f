// Bulk-seeds the `reports` table straight through mysql2: LOAD DATA LOCAL from generated
// tab-separated batches, several in flight (the server parses TSV far faster than INSERT VALUES).
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { ulidFactory } from './ulid.mjs';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Deterministic PRNG (mulberry32): the same table shape every run. */
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pickWeighted = (random, table) => {
  let roll = random();
  for (const [value, weight] of table) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return table[table.length - 1][0];
};

// What a year of reports looks like: recent ones still open, older ones mostly closed.
const STATUS_BY_AGE = [
  [
    3,
    [
      ['submitted', 0.15],
      ['dispatched', 0.45],
      ['accepted', 0.3],
      ['resolved', 0.08],
      ['rejected', 0.01],
      ['merged', 0.01],
    ],
  ],
  [
    30,
    [
      ['submitted', 0.02],
      ['dispatched', 0.08],
      ['accepted', 0.25],
      ['resolved', 0.3],
      ['closed', 0.3],
      ['reopened', 0.02],
      ['rejected', 0.02],
      ['merged', 0.01],
    ],
  ],
  [
    Infinity,
    [
      ['dispatched', 0.005],
      ['accepted', 0.015],
      ['resolved', 0.2],
      ['closed', 0.7],
      ['reopened', 0.005],
      ['rejected', 0.05],
      ['merged', 0.025],
    ],
  ],
];
const SERVICES = [
  ['direct', 0.7],
  ['risk', 0.1],
  ['illegal', 0.08],
  ['deputy', 0.07],
  ['epidemic', 0.05],
];
const RATINGS = [
  [5, 0.6],
  [4, 0.25],
  [3, 0.08],
  [2, 0.04],
  [1, 0.03],
];
const TEXTS = [
  '村口的路灯坏了一个多月，晚上出行很不方便，希望尽快修一下。',
  '组上停电从早上到现在还没来，冰箱里的东西都要坏了。',
  '河边有人倾倒建筑垃圾，影响河道行洪，请相关部门处理。',
  '自来水管在路边爆了，水一直往外冒，麻烦派人来看看。',
  '通村公路塌方了一段，车辆无法通行，孩子上学要绕很远。',
  '邻居家的狗经常咬人，协商多次没有结果，请村里帮忙调解。',
  '我家是低保户，今年因病花费较多，想问问能不能申请临时救助。',
  '山上有人用电网捕鸟，很危险，希望派出所来查一查。',
  '小区门口的垃圾桶好几天没人清运了，天热味道很大。',
  '镇上学校门口上下学时车辆乱停，孩子过马路很危险。',
];

const COLUMNS = [
  'id',
  'serialNo',
  'serviceCode',
  'categoryCode',
  'departmentId',
  'countyCode',
  'townshipCode',
  'villageCode',
  'citizenId',
  'anonymous',
  'text',
  'status',
  'tier',
  'escalated',
  'responseDueAt',
  'resolveDueAt',
  'dispatchedAt',
  'signedAt',
  'resolvedAt',
  'closedAt',
  'rating',
  'createdAt',
  'updatedAt',
  'version',
];

// LOAD DATA's defaults: tab between fields, newline between rows, backslash escapes, \N for NULL.
const tsvTime = (ms) => (ms === null ? '\\N' : new Date(ms).toISOString().slice(0, 23).replace('T', ' '));
const tsvString = (value) =>
  value === null ? '\\N' : value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');

/**
 * Reference data from the seeded database, so rows point at real villages, categories and
 * the department routing would choose (that township's station of the kind, else the county's).
 */
export async function loadReferenceData(pool) {
  const [villages] = await pool.query("SELECT code, parentCode FROM regions WHERE level = 'village' ORDER BY code");
  const [departments] = await pool.query('SELECT id, regionCode, kind FROM departments');
  const [categories] = await pool.query(
    'SELECT code, tier, responseHours, resolveDays, departmentKind FROM categories',
  );
  if (villages.length === 0 || categories.length === 0)
    throw new Error('the demo seed left no villages or categories to refer to');
  const byRegionKind = new Map(
    departments.map((department) => [`${department.regionCode}/${department.kind}`, department.id]),
  );
  // As routeByCategory: the department of the category's kind nearest the village, village → township → county.
  const departmentFor = (category, village) => {
    if (!category.departmentKind) return null;
    for (const regionCode of [village.code, village.parentCode, village.code.slice(0, 6)]) {
      const id = byRegionKind.get(`${regionCode}/${category.departmentKind}`);
      if (id) return id;
    }
    return null;
  };
  const routable = categories.filter((category) => villages.every((village) => departmentFor(category, village)));
  if (routable.length === 0) throw new Error('no category routes to a department in every village');
  return { villages, categories, routable, departmentFor };
}

/** Builds rows in createdAt order (so ids ascend) spread evenly over the year before `now`. */
function rowFactory(reference, count, now) {
  const random = prng(321);
  const nextId = ulidFactory();
  const citizens = Array.from({ length: 20_000 }, () => nextId(now - 400 * DAY_MS));
  const escapedTexts = TEXTS.map(tsvString);
  const start = now - 365 * DAY_MS;
  const step = (365 * DAY_MS - HOUR_MS) / Math.max(1, count);
  let serialDay = '';
  let serialOfDay = 0;

  return (index) => {
    const createdAt = Math.floor(start + (index + random()) * step);
    const ageDays = (now - createdAt) / DAY_MS;
    const status = pickWeighted(random, STATUS_BY_AGE.find(([maxAge]) => ageDays < maxAge)[1]);
    const village = reference.villages[Math.floor(random() * reference.villages.length)];
    const serviceCode = pickWeighted(random, SERVICES);
    // Submitted means waiting in triage: no department yet, and often no category either.
    const category =
      status === 'submitted'
        ? random() < 0.7
          ? null
          : reference.categories[Math.floor(random() * reference.categories.length)]
        : reference.routable[Math.floor(random() * reference.routable.length)];
    const departmentId =
      status === 'submitted' || (status === 'rejected' && random() < 0.5)
        ? null
        : category && reference.departmentFor(category, village);

    const clamp = (ms) => Math.min(ms, now - 1_000);
    const routed = departmentId !== null;
    const dispatchedAt = routed ? clamp(createdAt + Math.floor(random() * 2 * HOUR_MS)) : null;
    const responseDueAt = routed ? createdAt + category.responseHours * HOUR_MS : null;
    const resolveDueAt = routed ? createdAt + category.resolveDays * DAY_MS : null;
    const signed = ['accepted', 'resolved', 'closed', 'reopened'].includes(status);
    const signedAt =
      signed && routed ? clamp(dispatchedAt + Math.floor(random() * category.responseHours * HOUR_MS)) : null;
    const resolved = ['resolved', 'closed'].includes(status);
    // About one in eight resolutions overruns its deadline.
    const resolvedAt =
      resolved && signedAt ? clamp(signedAt + Math.floor(random() * category.resolveDays * 1.15 * DAY_MS)) : null;
    const ended = ['closed', 'rejected', 'merged'].includes(status);
    const closedAt = ended ? clamp((resolvedAt ?? createdAt) + Math.floor(random() * 3 * DAY_MS)) : null;
    const rating = status === 'closed' ? pickWeighted(random, RATINGS) : null;
    const updatedAt = Math.max(createdAt, dispatchedAt ?? 0, signedAt ?? 0, resolvedAt ?? 0, closedAt ?? 0);
    const version = 1 + [dispatchedAt, signedAt, resolvedAt, closedAt].filter((at) => at !== null).length;

    const day = new Date(createdAt + 8 * HOUR_MS).toISOString().slice(0, 10).replace(/-/g, '');
    if (day !== serialDay) {
      serialDay = day;
      serialOfDay = 0;
    }
    serialOfDay += 1;
    // BM = bench: the server's own serials use SERIAL_PREFIX (HY), so they can never collide.
    const serialNo = `BM${day}-${String(serialOfDay).padStart(6, '0')}`;

    return [
      nextId(createdAt),
      serialNo,
      serviceCode,
      category ? category.code : '\\N',
      departmentId ?? '\\N',
      village.code.slice(0, 6),
      village.parentCode,
      village.code,
      citizens[Math.floor(random() * citizens.length)],
      serviceCode === 'illegal' && random() < 0.5 ? 1 : 0,
      escapedTexts[Math.floor(random() * escapedTexts.length)],
      status,
      category?.tier ?? 'general',
      signed && random() < 0.01 ? 1 : 0,
      tsvTime(responseDueAt),
      tsvTime(resolveDueAt),
      tsvTime(dispatchedAt),
      tsvTime(signedAt),
      tsvTime(resolvedAt),
      tsvTime(closedAt),
      rating ?? '\\N',
      tsvTime(createdAt),
      tsvTime(updatedAt),
      version,
    ].join('\t');
  };
}

/**
 * Loads `count` rows with `parallel` connections, `batchRows` rows per LOAD DATA. Batches are
 * built in order as connections take them, so primary keys arrive nearly sorted.
 * Returns elapsed seconds.
 */
export async function seedReports(pool, reference, { count, batchRows, parallel, onProgress }) {
  const makeRow = rowFactory(reference, count, Date.now());
  const batches = Math.ceil(count / batchRows);
  const sql = `LOAD DATA LOCAL INFILE 'reports.tsv' INTO TABLE reports CHARACTER SET utf8mb4 (${COLUMNS.map((column) => `\`${column}\``).join(',')})`;
  let nextBatch = 0;
  let inserted = 0;
  const started = performance.now();

  const worker = async () => {
    const connection = await pool.getConnection();
    try {
      // Our serials are unique by construction: let InnoDB buffer the unique-index checks.
      await connection.query('SET SESSION unique_checks = 0');
      while (nextBatch < batches) {
        const batch = nextBatch++;
        const first = batch * batchRows;
        const last = Math.min(count, first + batchRows);
        const rows = new Array(last - first);
        for (let index = first; index < last; index += 1) rows[index - first] = makeRow(index);
        const tsv = Buffer.from(`${rows.join('\n')}\n`);
        const [result] = await connection.query({ sql, infileStreamFactory: () => Readable.from([tsv]) });
        if (result.affectedRows !== last - first || result.warningStatus > 0)
          throw new Error(
            `LOAD DATA took ${result.affectedRows} of ${last - first} rows with ${result.warningStatus} warnings (batch ${batch})`,
          );
        inserted += last - first;
        onProgress?.(inserted, (performance.now() - started) / 1000);
      }
    } finally {
      connection.release();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, parallel) }, worker));
  return (performance.now() - started) / 1000;
}
