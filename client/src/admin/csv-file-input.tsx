import classNames from 'classnames';
import type { ChangeEvent, Ref } from 'react';

/**
 * The NHS.UK file upload's look on the browser's own file input. nhsuk-frontend's script would
 * wrap the input in a drop zone, moving a node React manages (and its id to a new button), so
 * it is not used here.
 */
export function CsvFileInput({ id, label, hint, error, onChange, inputRef }: {
  id: string;
  inputRef?: Ref<HTMLInputElement>;
  label: string;
  hint?: string;
  error?: string;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
}) {
  const describedBy = [hint ? `${id}--hint` : null, error ? `${id}--error-message` : null].filter(Boolean).join(' ');
  return (
    <div className={classNames('nhsuk-form-group', { 'nhsuk-form-group--error': !!error })}>
      <label className="nhsuk-label" htmlFor={id}>{label}</label>
      {hint ? <div className="nhsuk-hint" id={`${id}--hint`}>{hint}</div> : null}
      {error ? (
        <span className="nhsuk-error-message" id={`${id}--error-message`}>
          <span className="nhsuk-u-visually-hidden">Error: </span>{error}
        </span>
      ) : null}
      <input ref={inputRef} className="nhsuk-file-upload__input" id={id}
        name={id} type="file" accept=".csv,text/csv" aria-describedby={describedBy || undefined} onChange={onChange} />
    </div>
  );
}
