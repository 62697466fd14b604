import { registerEnumType } from 'type-graphql';

export enum InformalLearningKind {
  SHADOWING = 'shadowing', COACHING = 'coaching', MENTORING = 'mentoring', E_LEARNING = 'e_learning', READING = 'reading',
}
registerEnumType(InformalLearningKind, {
  name: 'InformalLearningKind',
  description: 'Learning outside the catalogue: work shadowing, coaching, mentoring, e-learning done elsewhere, reading.',
});
