import { describe, expect, it } from 'vitest';
import { splitChunk } from './key-names.ts';

describe('splitChunk', () => {
  it('names every key of a chunk, escape sequences and control keys included', () => {
    expect(splitChunk('ab\tc\r')).toEqual(['a', 'b', 'tab', 'c', 'enter']);
    expect(splitChunk('x\u001b[Zy\u001b[B\u001b[6~')).toEqual(['x', 'shift+tab', 'y', 'down', 'pagedown']);
    expect(splitChunk('a b\u007f\u0015\u0003')).toEqual(['a', 'space', 'b', 'backspace', 'ctrl+u', 'ctrl+c']);
    expect(splitChunk('é😀')).toEqual(['é', '😀']);
  });
});
