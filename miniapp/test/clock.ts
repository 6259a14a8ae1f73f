/**
 * Fixes "now" for every test of the calling file: `new Date()` and `Date.now()` read `iso`, while
 * timers, promises and animation frames stay real, so waitFor and findBy* work as usual.
 *
 *   fixClock('2026-11-22T12:00:00+08:00')
 */
export function fixClock(iso: string): void {
  beforeEach(() => {
    jest.useFakeTimers({
      now: new Date(iso),
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
  });
  afterEach(() => jest.useRealTimers());
}
