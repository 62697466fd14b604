import { applyEffects, balanceProblem, costPer, effectsOf, remainingOf, reversalEffects } from './ledger-effects';

describe('ledger effects', () => {
  it('moves one figure per kind, and allocation none', () => {
    expect(effectsOf('budget', 500)).toEqual({ budget: 500, committed: 0, spent: 0 });
    expect(effectsOf('contribution', 500)).toEqual({ budget: 500, committed: 0, spent: 0 });
    expect(effectsOf('allocation', 500)).toEqual({ budget: 0, committed: 0, spent: 0 });
    expect(effectsOf('commitment', 40)).toEqual({ budget: 0, committed: 40, spent: 0 });
    expect(effectsOf('release', 40)).toEqual({ budget: 0, committed: -40, spent: 0 });
    expect(effectsOf('spend', 40)).toEqual({ budget: 0, committed: 0, spent: 40 });
  });

  it('reverses in full or in part, on the figure the original moved', () => {
    expect(reversalEffects({ amount: 40, ...effectsOf('commitment', 40) }, 40)).toEqual({ budget: 0, committed: -40, spent: 0 });
    expect(reversalEffects({ amount: 40, ...effectsOf('release', 40) }, 15)).toEqual({ budget: 0, committed: 15, spent: 0 });
    expect(reversalEffects({ amount: 900, ...effectsOf('budget', 900) }, 100)).toEqual({ budget: -100, committed: 0, spent: 0 });
  });

  it('refuses a balance committed past its budget or below zero', () => {
    const balance = { budget: 100, committed: 60, spent: 30 };
    expect(remainingOf(balance)).toBe(10);
    expect(balanceProblem(applyEffects(balance, effectsOf('commitment', 10)))).toBeNull();
    expect(balanceProblem(applyEffects(balance, effectsOf('commitment', 11)))).toBe('OVER_BUDGET');
    expect(balanceProblem(applyEffects(balance, effectsOf('release', 61)))).toBe('BELOW_ZERO');
  });

  it('divides cost per unit to whole pence, half up', () => {
    expect(costPer(1000, 3)).toBe(333);
    expect(costPer(1001, 2)).toBe(501);
    expect(costPer(5, 0)).toBeNull();
  });
});
