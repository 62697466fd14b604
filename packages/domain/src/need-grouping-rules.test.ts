import { groupKeys, topicsAlike } from './need-grouping-rules';

const words = (...list: string[]) => new Set(list);
const need = (id: string, values: { subject?: string; ksf?: string; words?: string[] } = {}) => ({
  id, mandatorySubject: values.subject ?? null, ksfDimension: values.ksf ?? null, words: values.words ?? [] });

describe('topicsAlike', () => {
  it.each([
    [['dementia', 'awar'], ['dementia', 'awar', 'night', 'staff'], true],
    [['lone', 'work', 'person', 'safeti'], ['person', 'safeti', 'lone', 'work', 'carer'], true],
    [['sign', 'languag', 'basic'], ['british', 'sign', 'languag', 'basic'], true],
    [['report', 'write'], ['record', 'keep'], false],
    [['fire', 'safeti', 'night', 'staff', 'ward'], ['safeti'], true],
    [['fire', 'safeti', 'night', 'staff'], ['safeti', 'lone', 'work', 'person'], false],
    [[], ['safeti'], false],
  ])('%p and %p: %p', (a, b, alike) => {
    expect(topicsAlike(words(...a), words(...b))).toBe(alike);
    expect(topicsAlike(words(...b), words(...a))).toBe(alike);
  });
});

describe('groupKeys', () => {
  it('groups by mandatory subject first, then KSF dimension, then topic', () => {
    const keys = groupKeys([
      need('a', { subject: 'moving-and-handling', ksf: 'C3', words: ['move', 'handl'] }),
      need('b', { ksf: 'C3', words: ['move', 'handl'] }),
      need('c', { words: ['move', 'handl'] }),
    ]);
    expect([...keys]).toEqual([['a', 'mandatory_subject:moving-and-handling'], ['b', 'ksf_dimension:C3'], ['c', 'topic:c']]);
  });

  it('puts a topic need in the group of the earliest group it is like, or a group of its own; each need in one group', () => {
    const keys = groupKeys([
      need('n1', { words: ['dementia', 'awar'] }),
      need('n2', { words: ['lone', 'work'] }),
      need('n3', { words: ['dementia', 'awar', 'volunt'] }),
      need('n4', { words: ['record', 'keep', 'care'] }),
      need('n5', { words: ['lone', 'work', 'dementia', 'awar'] }),
      need('n6', { words: [] }),
    ]);
    expect(Object.fromEntries(keys)).toEqual({ n1: 'topic:n1', n2: 'topic:n2', n3: 'topic:n1', n4: 'topic:n4', n5: 'topic:n1' });
  });

  it('keeps the keys of earlier needs when later ones are added', () => {
    const first = [need('a', { words: ['sign', 'languag'] }), need('b', { words: ['sign', 'languag', 'basic'] })];
    const later = groupKeys([...first, need('c', { words: ['basic', 'sign'] })]);
    expect([later.get('a'), later.get('b')]).toEqual([...groupKeys(first).values()]);
    expect(later.get('c')).toBe('topic:a');
  });
});
