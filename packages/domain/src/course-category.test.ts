import { courseCategory, courseCategoryAfterEdit } from './course-category';
import { LEARNING_METHODS, learningCategoryForMethod } from './learning-category';

describe('courseCategory', () => {
  it('takes the category the method implies when none is chosen', () => {
    for (const method of LEARNING_METHODS) {
      expect(courseCategory(method, null)).toEqual({ category: learningCategoryForMethod(method), overridden: false });
      expect(courseCategory(method, undefined)).toEqual({ category: learningCategoryForMethod(method), overridden: false });
    }
  });

  it('keeps a chosen category that differs from the method\'s as an override', () => {
    expect(courseCategory('classroom', 'social')).toEqual({ category: 'social', overridden: true });
    expect(courseCategory('work_shadowing', 'formal')).toEqual({ category: 'formal', overridden: true });
  });

  it('does not count choosing the implied category as an override', () => {
    expect(courseCategory('coaching', 'social')).toEqual({ category: 'social', overridden: false });
  });
});

describe('courseCategoryAfterEdit', () => {
  const derived = { method: 'classroom' as const, category: 'formal' as const, overridden: false };
  const overridden = { method: 'classroom' as const, category: 'experiential' as const, overridden: true };

  it('moves a derived category with a new method', () => {
    expect(courseCategoryAfterEdit(derived, { method: 'mentoring' })).toEqual({ category: 'social', overridden: false });
  });

  it('keeps an override through a change of method', () => {
    expect(courseCategoryAfterEdit(overridden, { method: 'webinar' })).toEqual({ category: 'experiential', overridden: true });
  });

  it('drops an override when the method comes to imply it', () => {
    expect(courseCategoryAfterEdit(overridden, { method: 'secondment' })).toEqual({ category: 'experiential', overridden: false });
  });

  it('goes back to the method\'s category when the override is cleared', () => {
    expect(courseCategoryAfterEdit(overridden, { chosen: null })).toEqual({ category: 'formal', overridden: false });
  });

  it('takes a new override', () => {
    expect(courseCategoryAfterEdit(derived, { chosen: 'social' })).toEqual({ category: 'social', overridden: true });
  });
});
