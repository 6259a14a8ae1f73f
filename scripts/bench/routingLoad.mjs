// (iii) Routing time per report, database included: POST /api/v1/reports without a category,
// so the server classifies and routes every one, under autocannon.
import autocannon from 'autocannon';
import { percentile } from './stats.mjs';

// Concerns a classifier should place, in villagers' words; varied so no cache can help.
const CONCERNS = [
  '组上停电从早上到现在还没来，冰箱里的东西都要坏了',
  '屋后头那根电线杆子歪了，靠在树上，风一吹就晃',
  '自来水管在路边爆了，水一直往外冒，麻烦派人来看看',
  '通村公路塌方了一段，车辆无法通行，孩子上学要绕很远',
  '河边有人倾倒建筑垃圾，影响河道行洪',
  '地里的玉米叶子发黄长了虫，不知道打什么药',
  '在外面打工的工资拖了半年还没给',
  '我家是低保户，今年因病花费较多，想申请临时救助',
  '邻居占了我家宅基地修围墙，协商不成',
  '村卫生室的医生经常不在，看病要跑到镇上',
];

/**
 * Runs autocannon against POST /api/v1/reports with `connections` connections for `duration`
 * seconds. Latencies come from autocannon's per-response event (its summary has no p95); the
 * answers' status says whether the server routed the report or left it for triage.
 */
export async function runRoutingLoad({ label, baseUrl, tokens, villageCode, duration, connections }) {
  const runTag = `${label}${Date.now().toString(36)}`;
  let sequence = 0;
  const latencies = [];
  const outcomes = { dispatched: 0, submitted: 0, other: 0 };
  const statuses = {};
  const errorSamples = new Map();

  const instance = autocannon({
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
          const text = `${CONCERNS[n % CONCERNS.length]}（${runTag}-${n}）`;
          return {
            ...request,
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${tokens[n % tokens.length]}`,
              'idempotency-key': `route-${runTag}-${n}`,
            },
            body: JSON.stringify({ serviceCode: 'direct', villageCode, text }),
          };
        },
        onResponse: (status, body) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status === 201) {
            let answer = null;
            try {
              answer = JSON.parse(String(body)).status;
            } catch {
              // counted as other
            }
            if (answer === 'dispatched' || answer === 'submitted') outcomes[answer] += 1;
            else outcomes.other += 1;
            return;
          }
          const key = `${status} ${String(body).slice(0, 300)}`;
          if (errorSamples.has(key) || errorSamples.size < 5) errorSamples.set(key, (errorSamples.get(key) ?? 0) + 1);
        },
      },
    ],
  });
  instance.on('response', (_client, _statusCode, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;

  const failed = result.non2xx + result.errors;
  const attempted = result.requests.total + result.errors;
  const routedShare =
    outcomes.dispatched + outcomes.submitted > 0
      ? outcomes.dispatched / (outcomes.dispatched + outcomes.submitted)
      : null;
  return {
    connections,
    rps: result.requests.average,
    completed: result.requests.total,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: failed,
    errorRate: attempted === 0 ? 1 : failed / attempted,
    outcomes,
    routedShare,
    statuses,
    errorSamples: [...errorSamples].map(([sample, count]) => `${count}× ${sample}`),
  };
}
