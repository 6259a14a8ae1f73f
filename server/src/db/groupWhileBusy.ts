/**
 * Handles items in groups: the first item at once, and every item that arrives while a group is
 * being handled waits for the next group, with all that arrived meanwhile (at most `maxSize`).
 * Under load a group is as large as what arrives during one round trip (a transaction, a read);
 * alone, an item is handled as soon as it arrives. `handle` settles each item of its group.
 */
export function groupWhileBusy<I, O>(
  handle: (items: I[]) => Promise<PromiseSettledResult<O>[]>,
  maxSize: number,
): (item: I) => Promise<O> {
  const waiting: { item: I; resolve: (value: O) => void; reject: (reason: unknown) => void }[] = [];
  let busy = false;

  async function drain() {
    busy = true;
    while (waiting.length > 0) {
      const group = waiting.splice(0, maxSize);
      const settled = await handle(group.map(({ item }) => item)).catch((error: unknown) =>
        group.map((): PromiseRejectedResult => ({ status: 'rejected', reason: error })),
      );
      group.forEach(({ resolve, reject }, index) => {
        const outcome = settled[index];
        if (outcome.status === 'fulfilled') resolve(outcome.value);
        else reject(outcome.reason);
      });
    }
    busy = false;
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!busy) void drain();
    });
}
