/**
 * Ant Design injects its CSS-in-JS stylesheets through rc-util's dynamicCSS. In jsdom every
 * getComputedStyle call (role queries, visibility checks) matches each element against every
 * injected rule, which made component tests take minutes; the tests assert behaviour, not looks,
 * so the style elements are created but never attached. Inline styles (display: none …) still apply.
 */
const detached = (css) => {
  const style = document.createElement('style');
  style.innerHTML = css;
  return style;
};

module.exports = {
  injectCSS: detached,
  updateCSS: detached,
  removeCSS: () => {},
  clearContainerCache: () => {},
};
