import { describe, expect, it } from '@jest/globals';
import { EMPTY_FEEDBACK_FORM, feedbackInputFrom } from './feedback-form';

describe('the feedback form\'s own checks', () => {
  it('reports every missing or bad field at once', () => {
    expect(feedbackInputFrom('b', EMPTY_FEEDBACK_FORM).errors.map((e) => e.field)).toEqual(['rating', 'wouldRecommend']);
    expect(feedbackInputFrom('b', { ...EMPTY_FEEDBACK_FORM, rating: '4', wouldRecommend: '7', whatWorked: 'x'.repeat(2001) }).errors)
      .toEqual([{ field: 'whatWorked', message: 'What worked well must be 2,000 characters or fewer' }]);
  });

  it('sends numbers and leaves blank text out', () => {
    expect(feedbackInputFrom('b', { rating: '5', wouldRecommend: '0', whatWorked: '  ', whatToImprove: ' More breaks ' }).input)
      .toEqual({ bookingId: 'b', rating: 5, wouldRecommend: 0, whatWorked: null, whatToImprove: 'More breaks' });
  });
});
