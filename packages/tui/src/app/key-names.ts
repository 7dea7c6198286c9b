import type { Key } from 'ink';

const CSI_KEYS: Record<string, string> = {
  A: 'up',
  B: 'down',
  C: 'right',
  D: 'left',
  H: 'home',
  F: 'end',
  Z: 'shift+tab',
  '1~': 'home',
  '4~': 'end',
  '3~': 'delete',
  '1;5C': 'ctrl+right',
  '1;5D': 'ctrl+left',
  '1;3C': 'ctrl+right',
  '1;3D': 'ctrl+left',
  '5~': 'pageup',
  '6~': 'pagedown',
};

/**
 * Turns one Ink input event into key names. Fast typing, paste and tmux deliver several keys in one
 * chunk, where Ink reports neither Enter nor Tab: split the chunk and name each key, escape sequences
 * included.
 */
export function keyNames(input: string, key: Key): string[] {
  if (key.upArrow) return ['up'];
  if (key.downArrow) return ['down'];
  // ctrl or alt with an arrow: by words in a text field.
  if (key.leftArrow) return [key.ctrl || key.meta ? 'ctrl+left' : 'left'];
  if (key.rightArrow) return [key.ctrl || key.meta ? 'ctrl+right' : 'right'];
  if (key.pageUp) return ['pageup'];
  if (key.pageDown) return ['pagedown'];
  if (key.home) return ['home'];
  if (key.end) return ['end'];
  if (key.escape && input.length <= 1) return ['escape'];
  if (key.tab) return [key.shift ? 'shift+tab' : 'tab'];
  if (key.backspace) return ['backspace'];
  if (key.delete) return ['delete'];
  if (key.ctrl && input.length === 1) return [`ctrl+${input.toLowerCase()}`];
  if (key.return && input.length <= 1) return ['enter'];
  return splitChunk(input);
}

/** Names every key in a chunk of raw terminal input. */
export function splitChunk(chunk: string): string[] {
  const names: string[] = [];
  const chars = [...chunk];
  for (let index = 0; index < chars.length; index++) {
    const char = chars[index] as string;
    if (char === '\u001b' && chars[index + 1] === '[') {
      let end = index + 2;
      while (end < chars.length && !/[A-Za-z~]/.test(chars[end] as string)) end++;
      const name = CSI_KEYS[chars.slice(index + 2, end + 1).join('')];
      if (name) names.push(name);
      index = end;
      continue;
    }
    names.push(charName(char));
  }
  return names;
}

function charName(char: string): string {
  if (char === '\r' || char === '\n') return 'enter';
  if (char === '\t') return 'tab';
  if (char === '\u007f' || char === '\b') return 'backspace';
  if (char === '\u001b') return 'escape';
  if (char === ' ') return 'space';
  const code = char.charCodeAt(0);
  if (code >= 1 && code <= 26) return `ctrl+${String.fromCharCode(code + 96)}`;
  return char;
}
