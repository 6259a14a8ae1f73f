// The submission load, identical for the real server (a) and the ceiling (c).
import autocannon from 'autocannon';

const PHRASES = [
  '村口的路灯坏了一个多月，晚上出行很不方便，希望尽快修一下。',
  '组上停电从早上到现在还没来，冰箱里的东西都要坏了。',
  '河边有人倾倒建筑垃圾，影响河道行洪，请相关部门处理。',
  '自来水管在路边爆了，水一直往外冒，麻烦派人来看看。',
  '通村公路塌方了一段，车辆无法通行，孩子上学要绕很远。',
  '邻居家的狗经常咬人，协商多次没有结果，请村里帮忙调解。',
  '我家是低保户，今年因病花费较多，想问问能不能申请临时救助。',
];

const CATEGORY_SHARE = 0.5; // half the reports pick a category (routed at once), half wait for triage

/**
 * Runs autocannon in this process against `POST /api/v1/reports` at `baseUrl`. Each request
 * gets a fresh Idempotency-Key and body and the next citizen token of the pool.
 */
export async function runSubmissionLoad({ label, baseUrl, tokens, categoryCodes, villageCode, duration, connections }) {
  const runTag = `${label}${Date.now().toString(36)}`;
  let sequence = 0;
  const errorSamples = new Map(); // body → count: the first distinct failure bodies, to report verbatim
  const statuses = {};

  const bodyFor = (n) => {
    const body = { serviceCode: 'direct', villageCode, text: `${PHRASES[n % PHRASES.length]}（压测 ${runTag}-${n}）` };
    if (categoryCodes.length > 0 && (n % 100) / 100 < CATEGORY_SHARE)
      body.categoryCode = categoryCodes[n % categoryCodes.length];
    return body;
  };

  const result = await autocannon({
    url: baseUrl,
    connections,
    duration,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/reports',
        setupRequest: (request) => {
          const n = sequence++;
          return {
            ...request,
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${tokens[n % tokens.length]}`,
              'idempotency-key': `bench-${runTag}-${n}`,
            },
            body: JSON.stringify(bodyFor(n)),
          };
        },
        onResponse: (status, body) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status >= 200 && status < 300) return;
          const key = `${status} ${String(body).slice(0, 400)}`;
          if (errorSamples.has(key) || errorSamples.size < 5) errorSamples.set(key, (errorSamples.get(key) ?? 0) + 1);
        },
      },
    ],
  });

  const failed = result.non2xx + result.errors;
  const attempted = result.requests.total + result.errors;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    completed: result.requests.total,
    ok: result['2xx'],
    non2xx: result.non2xx,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    errors: failed,
    errorRate: attempted === 0 ? 1 : failed / attempted,
    statuses,
    errorSamples: [...errorSamples].map(([sample, count]) => `${count}× ${sample}`),
    seconds: result.duration,
  };
}
