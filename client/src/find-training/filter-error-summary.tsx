import { FormErrorSummary } from '../ui/form-error-summary';
import type { FieldError } from './filter-params';
import { FIELD_INPUT_ID } from './session-filter-form';

/** The search form's errors, each linking to the input that can fix it. */
export function FilterErrorSummary({ errors }: { errors: FieldError[] }) {
  return <FormErrorSummary errors={errors} inputIds={FIELD_INPUT_ID} />;
}
