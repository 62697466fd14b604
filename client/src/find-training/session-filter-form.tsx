import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Button, Checkboxes, DateInput, Radios, TextInput } from 'nhsuk-react-components';
import type { Audience, DeliveryMode } from '../gql/graphql';
import type { DateFields, FilterField, FilterForm } from './filter-params';

/** The input each field's error links to from the error summary. */
export const FIELD_INPUT_ID: Record<FilterField, string> = {
  text: 'text',
  audience: 'audience-any',
  freeOnly: 'freeOnly',
  withSeatsOnly: 'withSeatsOnly',
  deliveryMode: 'deliveryMode-any',
  town: 'town',
  includeOnline: 'includeOnline',
  from: 'from-day',
  to: 'to-day',
};

const AUDIENCE_OPTIONS: Array<{ value: Audience | ''; id: string; label: string }> = [
  { value: '', id: 'audience-any', label: 'Anyone' },
  { value: 'STAFF', id: 'audience-staff', label: 'Open to staff' },
  { value: 'VOLUNTEERS', id: 'audience-volunteers', label: 'Open to volunteers' },
];

const DELIVERY_OPTIONS: Array<{ value: DeliveryMode | ''; id: string; label: string }> = [
  { value: '', id: 'deliveryMode-any', label: 'Any way' },
  { value: 'ONLINE', id: 'deliveryMode-online', label: 'Online' },
  { value: 'IN_PERSON', id: 'deliveryMode-in-person', label: 'In person' },
  { value: 'BLENDED', id: 'deliveryMode-blended', label: 'Blended (online and in person)' },
];

interface Props {
  form: FilterForm;
  errors: Partial<Record<FilterField, string>>;
  onChange: (form: FilterForm) => void;
  onSubmit: () => void;
  /** Where "Clear filters" goes; null when nothing is set. */
  clearHref: string | null;
}

function DateFieldsInput(props: {
  id: 'from' | 'to'; legend: string; hint: string; value: DateFields; error?: string;
  onChange: (value: DateFields) => void;
}) {
  const { id, value, onChange } = props;
  const part = (name: keyof DateFields) => ({
    value: value[name],
    autoComplete: 'off',
    onChange: (event: { target: { value: string } }) => onChange({ ...value, [name]: event.target.value }),
  });
  return (
    <DateInput id={id} name={id} legend={props.legend} legendProps={{ size: 's' }} hint={props.hint}
      error={props.error}>
      <DateInput.Day {...part('day')} />
      <DateInput.Month {...part('month')} />
      <DateInput.Year {...part('year')} />
    </DateInput>
  );
}

/**
 * The search form. It holds no state of its own: the page keeps what is typed and puts it in
 * the address on submit. Less used filters sit behind "More filters", opened when one is set.
 */
export function SessionFilterForm({ form, errors, onChange, onSubmit, clearHref }: Props) {
  const moreSet = !!form.deliveryMode || !!form.from.day || !!form.from.month || !!form.from.year
    || !!form.to.day || !!form.to.month || !!form.to.year;
  const moreHasErrors = !!(errors.deliveryMode || errors.from || errors.to);
  // Open "More filters" whenever something in it is set or wrong (after going back, or an
  // error), but leave it to the person otherwise.
  const mustOpen = moreSet || moreHasErrors;
  const [moreOpen, setMoreOpen] = useState(mustOpen);
  const [mustOpenBefore, setMustOpenBefore] = useState(mustOpen);
  if (mustOpen !== mustOpenBefore) {
    setMustOpenBefore(mustOpen);
    if (mustOpen) setMoreOpen(true);
  }
  const set = <K extends FilterField>(field: K, value: FilterForm[K]) => onChange({ ...form, [field]: value });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <form method="get" noValidate onSubmit={submit} aria-labelledby="filter-heading">
      <h2 id="filter-heading" className="nhsuk-heading-m">Search and filter</h2>

      <TextInput id="text" name="q" label="Search for training" labelProps={{ size: 's' }}
        hint="For example, safeguarding or first aid" type="search" autoComplete="off" enterKeyHint="search"
        value={form.text} error={errors.text} onChange={(event) => set('text', event.currentTarget.value)} />

      <Radios name="audience" legend="Who it is for" legendProps={{ size: 's' }} small error={errors.audience}>
        {AUDIENCE_OPTIONS.map((option) => (
          <Radios.Item key={option.id} id={option.id} value={option.value} checked={form.audience === option.value}
            onChange={() => set('audience', option.value)}>
            {option.label}
          </Radios.Item>
        ))}
      </Radios>

      <Checkboxes name="options" legend="Cost and places" legendProps={{ size: 's' }} small>
        <Checkboxes.Item id="freeOnly" name="free" value="yes" checked={form.freeOnly}
          onChange={(event) => set('freeOnly', event.currentTarget.checked)}>
          Free only
        </Checkboxes.Item>
        <Checkboxes.Item id="withSeatsOnly" name="seats" value="yes" checked={form.withSeatsOnly}
          onChange={(event) => set('withSeatsOnly', event.currentTarget.checked)}>
          Only sessions with seats left
        </Checkboxes.Item>
      </Checkboxes>

      <div className="nhsuk-form-group">
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Where</legend>
          <TextInput id="town" name="town" label="Town" hint="For example, Peterborough or Wisbech"
            autoComplete="address-level2" width={20} value={form.town} error={errors.town}
            onChange={(event) => set('town', event.currentTarget.value)} />
          <Checkboxes name="online" small>
            <Checkboxes.Item id="includeOnline" value="yes" checked={form.includeOnline}
              hint="Show online sessions as well as those in the town"
              onChange={(event) => set('includeOnline', event.currentTarget.checked)}>
              Include online sessions
            </Checkboxes.Item>
          </Checkboxes>
        </fieldset>
      </div>

      <details className="nhsuk-details" open={moreOpen}
        onToggle={(event) => setMoreOpen(event.currentTarget.open)}>
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">More filters: delivery and dates</span>
        </summary>
        <div className="nhsuk-details__text">
          <Radios name="delivery" legend="How it is delivered" legendProps={{ size: 's' }} small
            error={errors.deliveryMode}>
            {DELIVERY_OPTIONS.map((option) => (
              <Radios.Item key={option.id} id={option.id} value={option.value}
                checked={form.deliveryMode === option.value} onChange={() => set('deliveryMode', option.value)}>
                {option.label}
              </Radios.Item>
            ))}
          </Radios>
          <DateFieldsInput id="from" legend="From date" hint="Sessions starting on or after this day. For example, 8 12 2026"
            value={form.from} error={errors.from} onChange={(value) => set('from', value)} />
          <DateFieldsInput id="to" legend="To date" hint="Sessions starting on or before this day. For example, 15 12 2026"
            value={form.to} error={errors.to} onChange={(value) => set('to', value)} />
        </div>
      </details>

      <Button type="submit">Search</Button>
      {clearHref ? (
        <p>
          <Link to={clearHref}>Clear filters</Link>
        </p>
      ) : null}
    </form>
  );
}
