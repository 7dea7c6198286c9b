/**
 * Runs `work` over `items` with at most `concurrency` at a time, in order of start. `shouldStop` is
 * asked before each new item starts: once it says yes no further item starts (those in flight finish),
 * and the items never started are returned.
 */
export async function runWithConcurrency<Item>(
  items: readonly Item[],
  concurrency: number,
  work: (item: Item) => Promise<void>,
  shouldStop: () => boolean = () => false,
): Promise<Item[]> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !shouldStop()) {
      const item = items[next++] as Item;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return items.slice(next);
}
