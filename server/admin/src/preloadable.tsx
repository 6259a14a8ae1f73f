import { type ComponentType, lazy, useState } from 'react';

export interface Preloadable<P> {
  /** Renders the component; until its code has arrived, suspends like React.lazy. */
  Component: ComponentType<P>;
  /** Fetches the code now (once); rendering after it has answered does not suspend. */
  load: () => Promise<ComponentType<P>>;
}

/**
 * A component whose code is fetched apart, like React.lazy, that can be fetched ahead of time. React.lazy
 * suspends on its first render even when the code is already there, showing its fallback for a pass
 * and then rendering again; once `load()` has answered, this renders the component straight away.
 */
export function preloadable<P extends object>(fetchCode: () => Promise<ComponentType<P>>): Preloadable<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const load = () => {
    loading ??= fetchCode().then(
      (component) => {
        loaded = component;
        return component;
      },
      (error: unknown) => {
        // A failed fetch (a dropped line) is tried again by the next render or load().
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  // Typed as the component it stands for: React.lazy's own type cannot carry props of a generic P.
  const Lazy = lazy(() => load().then((component) => ({ default: component }))) as unknown as ComponentType<P>;
  function Component(props: P) {
    // Chosen once per mount, so a component first shown through React.lazy is never swapped and remounted.
    const [Shown] = useState(() => loaded ?? Lazy);
    return <Shown {...props} />;
  }
  return { Component, load };
}
