import { learningCategoryForMethod, type LearningCategory, type LearningMethod } from './learning-category';

/**
 * A course's 70:20:10 category: the one its method implies, unless the provider chose another.
 * Choosing the category the method implies is not an override, so a later change of method
 * carries the category with it; a real override stays until the provider clears it (null).
 */
export interface CourseCategory {
  category: LearningCategory;
  overridden: boolean;
}

export function courseCategory(method: LearningMethod, chosen: LearningCategory | null | undefined): CourseCategory {
  const implied = learningCategoryForMethod(method);
  if (!chosen || chosen === implied) return { category: implied, overridden: false };
  return { category: chosen, overridden: true };
}

/**
 * The category after an edit. `chosen` undefined: the provider did not touch it, so an override
 * stays and a derived category follows the (possibly new) method; null: back to the method's.
 */
export function courseCategoryAfterEdit(current: { method: LearningMethod; category: LearningCategory; overridden: boolean },
  edit: { method?: LearningMethod; chosen?: LearningCategory | null }): CourseCategory {
  const method = edit.method ?? current.method;
  if (edit.chosen !== undefined) return courseCategory(method, edit.chosen);
  return current.overridden ? courseCategory(method, current.category) : courseCategory(method, null);
}
