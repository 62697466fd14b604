import { ValidateBy, type ValidationOptions } from 'class-validator';
import { parseOrgId } from '@portal/domain';

/** The org-id.guide rule (`parseOrgId` in packages/domain) as a decorator, with the rule's own message per register. */
export function IsOrgId(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({
    name: 'isOrgId',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseOrgId(value).ok,
      defaultMessage: (args) => {
        const parsed = typeof args?.value === 'string' ? parseOrgId(args.value) : null;
        return parsed && !parsed.ok ? parsed.message : 'Enter the registered identifier, like GB-NHS-RGN';
      },
    },
  }, options);
}
