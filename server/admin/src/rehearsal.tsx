import { type ReactNode, Suspense, startTransition } from 'react';
import { createRoot } from 'react-dom/client';

const never = new Promise<never>(() => {});

/** Rendered after the rehearsed tree, it never finishes: its boundary shows nothing and nothing is committed. */
function Unfinished(): never {
  throw never;
}

/**
 * Renders `tree` once where nobody sees it and throws the result away: React renders it, then meets
 * a child that never finishes and commits the boundary's empty fallback instead, so no effect runs,
 * no request is sent and nothing reaches the page. What stays is what rendering leaves behind: the
 * code compiled and Ant Design's styles generated (its style cache), which the real render of the
 * same screen then reuses. Rendered as a transition, in slices, it leaves the page responsive; the
 * returned function stops it, wherever it has got to.
 */
export function rehearse(tree: ReactNode): () => void {
  let root: ReturnType<typeof createRoot> | null = createRoot(document.createElement('div'));
  startTransition(() =>
    root?.render(
      <Suspense fallback={null}>
        {tree}
        <Unfinished />
      </Suspense>,
    ),
  );
  return () => {
    const stopping = root;
    root = null;
    // Rendering nothing outranks the transition, which React then drops; unmounting waits for a
    // task of its own, since this may be called while React commits the app (an effect's cleanup).
    stopping?.render(null);
    setTimeout(() => stopping?.unmount());
  };
}
