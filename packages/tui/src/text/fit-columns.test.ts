import { describe, expect, it } from 'vitest';
import { fitColumns } from './fit-columns.ts';

describe('fitColumns', () => {
  it.each([
    { case: 'fits as they are', available: 40, expected: [10, 20, 6] },
    { case: 'the shrinking column gives way first', available: 30, expected: [10, 10, 6] },
    { case: 'then the droppable column is left out and the shrunk one grows back', available: 25, expected: [10, 13, null] },
    { case: 'a column that neither shrinks nor drops keeps its width', available: 5, expected: [10, 8, null] },
  ])('$case', ({ available, expected }) => {
    expect(fitColumns([{ natural: 10 }, { natural: 20, shrink: true, min: 8 }, { natural: 6, dropOrder: 1 }], available, 2)).toEqual(expected);
  });
});
