// What a page downloaded and when, read from Chrome DevTools' network events: one line per request
// (from its start to its last byte, with the bytes received) and the moments the bench marked.

/**
 * Starts recording the requests of a CDP session (Network must be enabled). Times are ms since the
 * first request (the page's navigation), from the browser's own clock.
 */
export function recordTimeline(cdp) {
  const requests = new Map();
  const marks = [];
  let origin;
  const at = (event) => {
    origin ??= event.timestamp;
    return (event.timestamp - origin) * 1000;
  };
  cdp.on('Network.requestWillBeSent', (event) => {
    requests.set(event.requestId, { url: event.request.url, method: event.request.method, start: at(event) });
  });
  cdp.on('Network.responseReceived', (event) => {
    const entry = requests.get(event.requestId);
    if (entry) entry.status = event.response.status;
  });
  cdp.on('Network.loadingFinished', (event) => {
    const entry = requests.get(event.requestId);
    if (!entry) return;
    entry.end = at(event);
    entry.bytes = event.encodedDataLength;
  });
  cdp.on('Network.loadingFailed', (event) => {
    const entry = requests.get(event.requestId);
    if (entry) entry.end = at(event);
  });
  return {
    /** Marks a moment (the field shows, 登录 is clicked …), in ms since the navigation. */
    mark: (label, atMs) => marks.push({ label, at: atMs }),
    /** Bytes received by the requests that have finished so far. */
    received: () => [...requests.values()].reduce((sum, entry) => sum + (entry.bytes ?? 0), 0),
    /** The requests and marks in time order, one line each. */
    render: () => {
      const lines = [
        ...[...requests.values()].map((entry) => ({
          at: entry.start,
          text: `${ms(entry.start)} → ${entry.end === undefined ? '   …   ' : ms(entry.end)}  ${kb(entry.bytes)}  ${entry.method === 'GET' ? '' : `${entry.method} `}${shortUrl(entry.url)}${entry.status && entry.status !== 200 ? ` (${entry.status})` : ''}`,
        })),
        ...marks.map((mark) => ({ at: mark.at, text: `${ms(mark.at)}  ── ${mark.label}` })),
      ];
      return lines
        .sort((a, b) => a.at - b.at)
        .map((line) => `  ${line.text}`)
        .join('\n');
    },
  };
}

const ms = (value) => `${value.toFixed(0).padStart(5)} ms`;
const kb = (bytes) => (bytes === undefined ? '       ' : `${(bytes / 1024).toFixed(1).padStart(5)} KB`);

function shortUrl(url) {
  if (url.startsWith('data:')) return 'data: URL';
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`.replace(/^\/admin\/assets\//, 'assets/');
}
