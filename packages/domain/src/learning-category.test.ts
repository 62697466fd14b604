import { LEARNING_METHODS, learningCategoryForMethod } from './learning-category';

describe('learningCategoryForMethod', () => {
  it('puts every method in one of the three categories', () => {
    const categories = LEARNING_METHODS.map(learningCategoryForMethod);
    expect(new Set(categories)).toEqual(new Set(['experiential', 'social', 'formal']));
  });

  it.each([
    ['work_shadowing', 'experiential'],
    ['secondment', 'experiential'],
    ['coaching', 'social'],
    ['mentoring', 'social'],
    ['classroom', 'formal'],
    ['e_learning', 'formal'],
  ] as const)('%s is %s', (method, category) => {
    expect(learningCategoryForMethod(method)).toBe(category);
  });
});
