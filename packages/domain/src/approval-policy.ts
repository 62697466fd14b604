/**
 * Each organisation decides who approves a place its people ask for: nobody, their line
 * manager, the L&D lead, or the manager and then the lead. A booking waits (REQUESTED) until
 * every approval its policy needs has been given.
 */
export type ApprovalPolicy = 'none' | 'line_manager' | 'ld_lead' | 'line_manager_then_ld_lead';
export type Approver = 'line_manager' | 'ld_lead';

export function approvalsNeeded(policy: ApprovalPolicy, options: { bookedByLead: boolean; hasLineManager: boolean }): Approver[] {
  // A lead of the person's organisation booking (on someone's behalf, or for themselves) decides for
  // the organisation: nothing more to approve (they would be approving their own request).
  // A person with no manager cannot wait for one, so their request goes to the lead instead.
  if (options.bookedByLead) return [];
  const steps: Approver[] = policy === 'none' ? []
    : policy === 'line_manager' ? ['line_manager']
      : policy === 'ld_lead' ? ['ld_lead'] : ['line_manager', 'ld_lead'];
  const withoutAbsentManager = steps.map((step): Approver => (step === 'line_manager' && !options.hasLineManager ? 'ld_lead' : step));
  return [...new Set(withoutAbsentManager)];
}

/** The next approver a request waits for, given those already given; null when it can be confirmed. */
export function nextApprover(needed: Approver[], given: Approver[]): Approver | null {
  return needed.find((step) => !given.includes(step)) ?? null;
}
