/**
 * The 70:20:10 model: 70% of learning is experiential (on the job), 20% social (from others),
 * 10% formal (courses). A course's category follows from its method unless a provider overrides it.
 */
export const LEARNING_METHODS = ['classroom', 'e_learning', 'blended', 'webinar', 'coaching', 'mentoring',
  'work_shadowing', 'secondment', 'work_placement', 'outdoor', 'distance'] as const;
export type LearningMethod = (typeof LEARNING_METHODS)[number];
export type LearningCategory = 'experiential' | 'social' | 'formal';

export function learningCategoryForMethod(method: LearningMethod): LearningCategory {
  switch (method) {
    case 'work_shadowing':
    case 'secondment':
    case 'work_placement':
    case 'outdoor':
      return 'experiential';
    case 'coaching':
    case 'mentoring':
      return 'social';
    case 'classroom':
    case 'e_learning':
    case 'blended':
    case 'webinar':
    case 'distance':
      return 'formal';
    default: {
      const unreachable: never = method;
      throw new Error(`unknown learning method ${String(unreachable)}`);
    }
  }
}
