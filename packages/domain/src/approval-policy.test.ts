import { approvalsNeeded, nextApprover } from './approval-policy';

const self = { bookedByLead: false, hasLineManager: true };

describe('approval policy', () => {
  it('asks nobody, the manager, the lead, or both in order', () => {
    expect(approvalsNeeded('none', self)).toEqual([]);
    expect(approvalsNeeded('line_manager', self)).toEqual(['line_manager']);
    expect(approvalsNeeded('ld_lead', self)).toEqual(['ld_lead']);
    expect(approvalsNeeded('line_manager_then_ld_lead', self)).toEqual(['line_manager', 'ld_lead']);
  });

  it('needs nothing more when a lead books on someone\'s behalf', () => {
    expect(approvalsNeeded('ld_lead', { ...self, bookedByLead: true })).toEqual([]);
    expect(approvalsNeeded('line_manager_then_ld_lead', { ...self, bookedByLead: true })).toEqual([]);
  });

  it('sends a request to the lead when the person has no line manager', () => {
    expect(approvalsNeeded('line_manager', { ...self, hasLineManager: false })).toEqual(['ld_lead']);
    expect(approvalsNeeded('line_manager_then_ld_lead', { ...self, hasLineManager: false })).toEqual(['ld_lead']);
  });

  it('walks the steps in order', () => {
    const needed = approvalsNeeded('line_manager_then_ld_lead', self);
    expect(nextApprover(needed, [])).toBe('line_manager');
    expect(nextApprover(needed, ['line_manager'])).toBe('ld_lead');
    expect(nextApprover(needed, ['line_manager', 'ld_lead'])).toBeNull();
  });
});
