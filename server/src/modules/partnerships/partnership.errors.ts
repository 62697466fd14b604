import { moduleErrors } from '../../graphql/module-errors';

/** Every code the partnerships module gives. */
export type PartnershipErrorCode = 'NOT_FOUND';

export const { badArgument } = moduleErrors<PartnershipErrorCode>();
