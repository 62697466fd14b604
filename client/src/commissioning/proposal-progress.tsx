import { percentOf } from './proposal-text';

/**
 * Progress towards a target: the portal's progress bar (a <progress> in the design system's
 * colours, as the people import shows) named by its label, and the same figures as text.
 */
export function ProposalProgressBar({ id, label, part, whole, text }: { id: string; label: string; part: number; whole: number; text: string }) {
  const percent = percentOf(part, whole);
  return (
    <div className="portal-progress" data-progress={id}>
      <p className="nhsuk-body nhsuk-u-margin-bottom-1" id={`${id}-label`}><strong>{label}</strong></p>
      <progress className="portal-progress__bar" aria-labelledby={`${id}-label`} max={100} value={percent}>{percent}%</progress>
      <p className="nhsuk-body nhsuk-u-margin-bottom-0" data-testid={`${id}-text`}>{text} ({percent}%)</p>
    </div>
  );
}
