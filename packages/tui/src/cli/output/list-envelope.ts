/** The one shape of every `--json` list: the items, the count of all matches when known, and the next page's cursor. */
export interface ListEnvelope<Item> {
  items: Item[];
  total?: number;
  nextCursor: string | null;
}

export function listEnvelope<Item>(items: readonly Item[], page: { total?: number; nextCursor?: string | null } = {}): ListEnvelope<Item> {
  return { items: [...items], ...(page.total === undefined ? {} : { total: page.total }), nextCursor: page.nextCursor ?? null };
}
