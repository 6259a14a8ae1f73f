// Small JSON HTTP helpers for setup and for sequential latency measurements.
import http from 'node:http';

export async function postJson(url, body, headers = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${url} → ${response.status} ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

export async function getJson(url, headers = {}) {
  const response = await fetch(url, { headers });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${url} → ${response.status} ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

// One kept-alive socket, as a staff browser tab would use; node:http adds less client time than fetch.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** GET with wall-clock latency in ms (request written → whole body read). */
export function timedGet(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const request = http.get(url, { agent, headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        resolve({ status: response.statusCode, ms, body: Buffer.concat(chunks).toString() });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

export function closeAgents() {
  agent.destroy();
}
