import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { CATEGORY_TEXT } from './learning-record-view';

export interface ActivityBar { label: string; EXPERIENTIAL: number; SOCIAL: number; FORMAL: number }

const SERIES = [
  ['EXPERIENTIAL', CATEGORY_TEXT.EXPERIENTIAL, '#005eb8'],
  ['SOCIAL', CATEGORY_TEXT.SOCIAL, '#41b6e6'],
  ['FORMAL', CATEGORY_TEXT.FORMAL, '#330072'],
] as const;

/** Hours of learning by organisation, stacked by 70:20:10 category (loaded only when first drawn). */
export function LearningHoursChart({ rows }: { rows: ActivityBar[] }) {
  return (
    <ResponsiveContainer width="100%" height={rows.length * 36 + 90}>
      <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
        <CartesianGrid horizontal={false} stroke="#d8dde0" />
        <XAxis type="number" allowDecimals={false} tickFormatter={(hours: number) => hours.toLocaleString('en-GB')} />
        <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 14 }}
          tickFormatter={(label: string) => (label.length > 20 ? `${label.slice(0, 19)}…` : label)} />
        <Legend />
        {SERIES.map(([key, name, colour]) => <Bar key={key} dataKey={key} name={name} stackId="hours" fill={colour} isAnimationActive={false} />)}
      </BarChart>
    </ResponsiveContainer>
  );
}
