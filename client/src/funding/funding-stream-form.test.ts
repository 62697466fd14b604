import { describe, expect, it } from '@jest/globals';
import { fieldErrorsFrom } from '../ui/form-errors';
import { emptyStreamForm, streamFields, streamInputFrom, streamInputId, stripPound, type StreamForm } from './funding-stream-form';

const filled: StreamForm = {
  ...emptyStreamForm('2026/27'), name: ' Care skills fund ', funderKind: 'COUNCIL_GRANT', funderName: ' Peterborough City Council ',
  amount: '£12,500', managingOrganisationId: 'org-1',
};

describe('streamInputFrom', () => {
  it('asks for the blanks first, each on its own field', () => {
    const { input, errors } = streamInputFrom(emptyStreamForm(''));
    expect(input).toBeNull();
    expect(errors.map((e) => e.field)).toEqual(['name', 'funderKind', 'financialYear', 'amount', 'managingOrganisationId']);
  });

  it('sends an outside funder by name, leaving the API to judge amounts and years', () => {
    const { input, errors } = streamInputFrom({ ...filled, amount: '-500', financialYear: '2025/27' });
    expect(errors).toEqual([]);
    expect(input).toMatchObject({ name: 'Care skills fund', funderName: 'Peterborough City Council', funderOrganisationId: null,
      amount: '-500', financialYear: '2025/27', pooled: false, contributions: null, audience: 'BOTH' });
  });

  it('names a partner funder by organisation, and needs every contribution row filled for a pooled stream', () => {
    const partner = { ...filled, funderKind: 'PARTNER' as const, funderOrganisationId: 'org-2', pooled: true,
      contributions: [{ organisationId: 'org-1', amount: '100' }, { organisationId: '', amount: '' }] };
    expect(streamInputFrom(partner).errors.map((e) => e.field)).toEqual(['contributions.1.organisationId', 'contributions.1.amount']);
    const { input } = streamInputFrom({ ...partner, contributions: [{ organisationId: 'org-1', amount: '£100.50' }] });
    expect(input).toMatchObject({ funderName: null, funderOrganisationId: 'org-2', contributions: [{ organisationId: 'org-1', amount: '100.50' }] });
  });
});

describe('the API’s field paths', () => {
  it('link to the inputs shown, contributions by row', () => {
    const errors = fieldErrorsFrom([
      { field: ['input', 'amount'], message: 'Enter a positive amount' },
      { field: ['input', 'contributions', '1', 'amount'], message: 'Too many decimals' },
      { field: ['input', 'contributions', '5', 'amount'], message: 'No such row' },
    ], streamFields(2));
    expect(errors.map((e) => e.field)).toEqual(['amount', 'contributions.1.amount', null]);
    expect(streamInputId('contributions.1.amount')).toBe('contribution-1-amount');
    expect(streamInputId('financialYear')).toBe('financial-year-input');
  });

  it('reads pounds with or without the sign', () => {
    expect(stripPound(' £1,250.00 ')).toBe('1,250.00');
    expect(stripPound('-£5')).toBe('-5');
  });

  it('tells every field\'s problem at once, not only the blanks', () => {
    const { input, errors } = streamInputFrom({ ...filled, name: '', amount: 'twelve thousand', financialYear: '2026', description: 'd'.repeat(2001) });
    expect(input).toBeNull();
    expect(errors).toEqual([
      { field: 'name', message: 'Enter the stream’s name' },
      { field: 'description', message: 'Description must be 2,000 characters or fewer' },
      { field: 'financialYear', message: 'Financial year must be written like 2026/27: the year it starts and the next' },
      { field: 'amount', message: 'Amount must be a number, like 12500.00' },
    ]);
  });
});
