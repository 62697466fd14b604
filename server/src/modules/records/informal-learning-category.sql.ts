import { INFORMAL_LEARNING_KINDS, informalLearningCategory } from '@portal/domain';

/**
 * The domain's informalLearningCategory as an SQL CASE over a kind column, written from the
 * function itself (so the two cannot disagree) for the sums a statement makes.
 */
export function informalLearningCategorySql(column: string): string {
  return `CASE ${INFORMAL_LEARNING_KINDS.map((kind) => `WHEN ${column} = '${kind}' THEN '${informalLearningCategory(kind)}'`).join(' ')} END`;
}
