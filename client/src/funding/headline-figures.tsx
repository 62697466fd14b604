import type { ReactNode } from 'react';

export interface HeadlineFigure {
  key: string;
  label: string;
  value: string;
  /** A line under the figure that says what it is made of. */
  note?: ReactNode;
}

/**
 * The year's figures at a glance: large numbers in a grid that is one column on a phone, so a
 * long sum of money never runs off the screen.
 */
export function HeadlineFigures({ figures }: { figures: HeadlineFigure[] }) {
  return (
    <dl className="funding-figures">
      {figures.map((figure) => (
        <div key={figure.key} className="funding-figure" data-testid={`figure-${figure.key}`}>
          <dt className="funding-figure__label">{figure.label}</dt>
          <dd className="funding-figure__value" data-testid={`figure-${figure.key}-value`}>{figure.value}</dd>
          {figure.note ? <dd className="funding-figure__note">{figure.note}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
