import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Ant Design's responsive pieces ask for matchMedia, which jsdom lacks.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});

// Role queries skip the visibility check, which walks every ancestor's computed style; with Ant
// Design's injected stylesheets that dominates a component test's time in jsdom.
configure({ defaultHidden: true });
