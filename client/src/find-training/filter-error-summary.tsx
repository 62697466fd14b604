import { ErrorSummary } from 'nhsuk-react-components';
import type { FieldError } from './filter-params';
import { FIELD_INPUT_ID } from './session-filter-form';

/**
 * "There is a problem", each message linking to the input that can fix it. Keyed by its
 * messages so a new set of errors mounts afresh and takes focus, as the pattern expects.
 */
export function FilterErrorSummary({ errors }: { errors: FieldError[] }) {
  if (!errors.length) return null;
  return (
    <ErrorSummary key={errors.map((e) => `${e.field}:${e.message}`).join('|')}>
      <ErrorSummary.Title>There is a problem</ErrorSummary.Title>
      <ErrorSummary.List>
        {errors.map((error) => (
          <ErrorSummary.ListItem key={`${error.field}:${error.message}`}
            href={error.field ? `#${FIELD_INPUT_ID[error.field]}` : undefined}>
            {error.message}
          </ErrorSummary.ListItem>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
