import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as a fake service saw it. */
export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  raw: Buffer;
  /** The body parsed as JSON when it is JSON, else undefined. */
  json: unknown;
}

export interface FakeResponse {
  status?: number;
  headers?: Record<string, string>;
  /** Sent as JSON unless it is a string or a Buffer. */
  body?: unknown;
  /** Answer late, in milliseconds (a slow upstream). */
  delayMs?: number;
}

export type FakeHandler = (request: FakeRequest) => FakeResponse | Promise<FakeResponse>;

/**
 * A local HTTP server standing in for an external service (WeChat, WeChat Pay, OSS) in tests:
 * handlers per method and path, and a record of every request it received.
 */
export class FakeHttpServer {
  readonly requests: FakeRequest[] = [];
  private readonly handlers = new Map<string, FakeHandler>();
  private server: http.Server | null = null;
  private address = '';

  /**
   * `path` '*' answers every path of that method without a handler of its own (object stores);
   * a path ending in `/*` answers every path under it (`/bills/*` for `/bills/B1`).
   */
  on(method: string, path: string, handler: FakeHandler): this {
    this.handlers.set(`${method.toUpperCase()} ${path}`, handler);
    return this;
  }

  get baseUrl(): string {
    return this.address;
  }

  /** Requests received on one path. */
  received(path: string): FakeRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  async start(): Promise<this> {
    this.server = http.createServer((incoming, outgoing) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => void this.answer(incoming, Buffer.concat(chunks), outgoing));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.address = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private prefixHandler(method: string, path: string): FakeHandler | undefined {
    for (const [key, handler] of this.handlers) {
      const [keyMethod, keyPath] = key.split(' ');
      if (keyMethod === method && keyPath.endsWith('/*') && path.startsWith(keyPath.slice(0, -1))) return handler;
    }
    return undefined;
  }

  private async answer(incoming: http.IncomingMessage, raw: Buffer, outgoing: http.ServerResponse): Promise<void> {
    const url = new URL(incoming.url ?? '/', 'http://localhost');
    const request: FakeRequest = {
      method: incoming.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: incoming.headers,
      raw,
      json: parseJson(raw),
    };
    this.requests.push(request);
    const handler =
      this.handlers.get(`${request.method} ${request.path}`) ??
      this.prefixHandler(request.method, request.path) ??
      this.handlers.get(`${request.method} *`);
    const response: FakeResponse = handler
      ? await handler(request)
      : { status: 404, body: { errcode: 404, errmsg: 'no such fake route' } };
    if (response.delayMs) await new Promise((resolve) => setTimeout(resolve, response.delayMs));
    const isRaw = typeof response.body === 'string' || Buffer.isBuffer(response.body);
    outgoing.writeHead(response.status ?? 200, {
      ...(isRaw ? {} : { 'Content-Type': 'application/json' }),
      ...response.headers,
    });
    outgoing.end(isRaw ? (response.body as string | Buffer) : JSON.stringify(response.body ?? {}));
  }
}

function parseJson(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}
