/**
 * Webpack loader for the WeChat build: zod 4 keeps its registries on `globalThis`, which some
 * older WeChat clients (iOS JavaScriptCore before 12.2) do not have. Each module that names it
 * gets a local stand-in: the real globalThis where it exists, else the `wx` object (one shared
 * object for every module), else a plain object.
 */
module.exports = function globalThisFallback(source) {
  if (!/\bglobalThis\b/.test(source)) return source;
  const fallback =
    'var __mqGlobal = typeof globalThis !== "undefined" ? globalThis : typeof wx !== "undefined" ? wx : {};\n';
  return fallback + source.replace(/\bglobalThis\b/g, '__mqGlobal');
};
