import { ValidateBy, type ValidationOptions } from 'class-validator';
import { parseEmailAddress } from '@portal/domain';

/**
 * The portal's one rule for an email address (`parseEmailAddress` in packages/domain) as a
 * class-validator decorator, so inputs refuse exactly what the invite and mail builders cannot
 * carry, each with the rule's own message. Services still store `parseEmailAddress(...).address`.
 */
export function IsEmailAddress(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({
    name: 'isEmailAddress',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseEmailAddress(value).ok,
      defaultMessage: (args) => {
        const parsed = typeof args?.value === 'string' ? parseEmailAddress(args.value) : null;
        return parsed && !parsed.ok ? parsed.message : 'Enter an email address in the correct format, like name@example.com';
      },
    },
  }, options);
}
