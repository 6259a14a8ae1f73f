/**
 * Writes items in groups: the first item is written at once, and every item that arrives while a
 * group is being written waits for the next group, with all that arrived meanwhile (at most
 * `maxSize`). Under load a group is as large as the writes that arrive during one transaction;
 * alone, an item is written as soon as it arrives. `write` settles each item of its group.
 */
export function groupCommit<I, O>(
  write: (items: I[]) => Promise<PromiseSettledResult<O>[]>,
  maxSize: number,
): (item: I) => Promise<O> {
  const waiting: { item: I; resolve: (value: O) => void; reject: (reason: unknown) => void }[] = [];
  let writing = false;

  async function drain() {
    writing = true;
    while (waiting.length > 0) {
      const group = waiting.splice(0, maxSize);
      const settled = await write(group.map(({ item }) => item)).catch((error: unknown) =>
        group.map((): PromiseRejectedResult => ({ status: 'rejected', reason: error })),
      );
      group.forEach(({ resolve, reject }, index) => {
        const outcome = settled[index];
        if (outcome.status === 'fulfilled') resolve(outcome.value);
        else reject(outcome.reason);
      });
    }
    writing = false;
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!writing) void drain();
    });
}
