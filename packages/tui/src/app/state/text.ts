/** Applies one key to a single-line text value: printable characters append, backspace deletes, ctrl+u clears. */
export function editText(value: string, key: string): string | undefined {
  if (key === 'backspace') return [...value].slice(0, -1).join('');
  if (key === 'ctrl+u') return '';
  if (key === 'space') return `${value} `;
  if ([...key].length === 1 && key >= ' ') return value + key;
  return undefined;
}
