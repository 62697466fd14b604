import { auditSentence } from '../audit/audit-sentence';

describe('a directory entry change in the audit log', () => {
  const nameOf = (kind: string, id: unknown) => (kind === 'organisation' && id === 'o1' ? 'Peterborough City Council' : null);

  it('names the organisation and the fields changed, never their values', () => {
    expect(auditSentence({ action: 'organisations.entry_updated', actorName: 'Priya Whitaker', subjectType: 'organisation', subjectId: 'o1',
      details: { changed: ['description', 'contactPhone', 'deliversTraining'] } }, nameOf))
      .toBe('Priya Whitaker updated the directory entry of Peterborough City Council (description, telephone, whether it provides training).');
    expect(auditSentence({ action: 'organisations.entry_updated', actorName: 'Martin Crowe', subjectType: 'organisation', subjectId: 'gone',
      details: { changed: [] } }, nameOf)).toBe('Martin Crowe updated the directory entry of an organisation.');
  });
});
