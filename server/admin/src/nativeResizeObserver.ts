/**
 * Stands in for `resize-observer-polyfill` in the build (vite.config.ts): every browser the build
 * targets has ResizeObserver, so Ant Design's components use the browser's own instead of 8 KB of
 * gzipped polyfill on the work queue's path.
 */
export default globalThis.ResizeObserver;
