import { evidenceFileProblem, evidenceMediaType, informalHoursProblem, informalLearningCategory, learnedOnProblem, MAX_EVIDENCE_BYTES } from './informal-learning-rules';

describe('informal learning rules', () => {
  it('puts each kind in its 70:20:10 category', () => {
    expect(informalLearningCategory('shadowing')).toBe('experiential');
    expect(informalLearningCategory('coaching')).toBe('social');
    expect(informalLearningCategory('mentoring')).toBe('social');
    expect(informalLearningCategory('e_learning')).toBe('formal');
    expect(informalLearningCategory('reading')).toBe('formal');
  });

  it('takes a real date up to today, never tomorrow', () => {
    expect(learnedOnProblem('2026-03-04', '2026-03-04')).toBeNull();
    expect(learnedOnProblem('2026-03-03', '2026-03-04')).toBeNull();
    expect(learnedOnProblem('2026-03-05', '2026-03-04')?.code).toBe('DATE_FUTURE');
    expect(learnedOnProblem('2026-02-30', '2026-03-04')?.code).toBe('MALFORMED_DATE');
    expect(learnedOnProblem('', '2026-03-04')?.code).toBe('REQUIRED');
  });

  it('takes more than 0 and fewer than 1,000 hours, in hundredths', () => {
    expect(informalHoursProblem(0)?.code).toBe('OUT_OF_RANGE');
    expect(informalHoursProblem(-1)?.code).toBe('OUT_OF_RANGE');
    expect(informalHoursProblem(0.01)).toBeNull();
    expect(informalHoursProblem(999.99)).toBeNull();
    expect(informalHoursProblem(1000)?.code).toBe('OUT_OF_RANGE');
    expect(informalHoursProblem(1.005)?.code).toBe('TOO_PRECISE');
    expect(informalHoursProblem(1.1)).toBeNull();
    expect(informalHoursProblem(null)?.code).toBe('REQUIRED');
  });

  it('knows a file by its first bytes, not its name', () => {
    expect(evidenceMediaType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(evidenceMediaType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(evidenceMediaType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(evidenceMediaType(Buffer.from('GIF89a'))).toBeNull();
    expect(evidenceMediaType(Buffer.from('%PD'))).toBeNull();
    expect(evidenceFileProblem(Buffer.from('MZ executable'))?.code).toBe('WRONG_FILE_TYPE');
    expect(evidenceFileProblem(Buffer.alloc(0))?.code).toBe('FILE_EMPTY');
    const atLimit = Buffer.alloc(MAX_EVIDENCE_BYTES); atLimit.write('%PDF-');
    expect(evidenceFileProblem(atLimit)).toBeNull();
    const over = Buffer.alloc(MAX_EVIDENCE_BYTES + 1); over.write('%PDF-');
    expect(evidenceFileProblem(over)?.code).toBe('FILE_TOO_LARGE');
  });
});
