import { cellShowsDetail, FEEDBACK_TEXT_MAX, freeTextProblem, ratingProblem, recommendProblem, responseRate } from './evaluation-rules';

describe('feedback answers', () => {
  it('takes a rating from 1 to 5 and a recommendation from 0 to 10, whole numbers only', () => {
    expect([1, 2, 3, 4, 5].map(ratingProblem)).toEqual([null, null, null, null, null]);
    expect(ratingProblem(0)?.code).toBe('OUT_OF_RANGE');
    expect(ratingProblem(6)?.code).toBe('OUT_OF_RANGE');
    expect(ratingProblem(4.5)?.code).toBe('NOT_WHOLE');
    expect(ratingProblem(null)?.code).toBe('REQUIRED');
    expect(recommendProblem(0)).toBeNull();
    expect(recommendProblem(10)).toBeNull();
    expect(recommendProblem(11)?.code).toBe('OUT_OF_RANGE');
    expect(recommendProblem(-1)?.code).toBe('OUT_OF_RANGE');
    expect(recommendProblem(Number.NaN)?.code).toBe('REQUIRED');
  });

  it('takes free text up to 2,000 characters, optional unless required', () => {
    expect(freeTextProblem('x'.repeat(FEEDBACK_TEXT_MAX), 'What worked well')).toBeNull();
    expect(freeTextProblem('x'.repeat(FEEDBACK_TEXT_MAX + 1), 'What worked well')).toEqual({
      code: 'TOO_LONG', message: 'What worked well must be 2,000 characters or fewer' });
    expect(freeTextProblem('  ', 'An example')).toBeNull();
    expect(freeTextProblem('  ', 'An example', true)).toEqual({ code: 'REQUIRED', message: 'Enter an example' });
  });
});

describe('report cells', () => {
  it('shows free text from 5 responses, never under', () => {
    expect([0, 1, 4, 5, 6].map(cellShowsDetail)).toEqual([false, false, false, true, true]);
  });

  it('has a response rate only when someone was asked', () => {
    expect(responseRate(0, 0)).toBeNull();
    expect(responseRate(3, 4)).toBe(0.75);
    expect(responseRate(5, 4)).toBe(1);
  });
});
