/** "1 tenant", "2 tenants", "0 tenants"; `many` for irregular words ("1 query", "2 queries"). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}
