import { ErrorSummary } from 'nhsuk-react-components';
import type { FieldError } from './form-errors';

/**
 * "There is a problem", each message linking to the input that can fix it. Keyed by its
 * messages so a new set of errors mounts afresh and takes focus, as the pattern expects.
 */
export function FormErrorSummary<F extends string>({ errors, inputIds }: {
  errors: ReadonlyArray<FieldError<F>>;
  /** The id of the input each field's error links to. */
  inputIds: Record<F, string>;
}) {
  if (!errors.length) return null;
  return (
    <ErrorSummary key={errors.map((e) => `${e.field}:${e.message}`).join('|')}>
      <ErrorSummary.Title>There is a problem</ErrorSummary.Title>
      <ErrorSummary.List>
        {errors.map((error, index) => (
          <ErrorSummary.ListItem key={`${index}:${error.field}:${error.message}`}
            href={error.field ? `#${inputIds[error.field]}` : undefined}>
            {error.message}
          </ErrorSummary.ListItem>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
