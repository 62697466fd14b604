import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';

export interface NpsBar { label: string; score: number }

/** Net Promoter Score by row, -100 to 100, as horizontal bars (loaded only when first drawn). */
export function NpsBarChart({ rows }: { rows: NpsBar[] }) {
  return (
    <ResponsiveContainer width="100%" height={rows.length * 36 + 60}>
      <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
        <CartesianGrid horizontal={false} stroke="#d8dde0" />
        <XAxis type="number" domain={[-100, 100]} ticks={[-100, -50, 0, 50, 100]} />
        <YAxis type="category" dataKey="label" width={160} tick={{ fontSize: 14 }}
          tickFormatter={(label: string) => (label.length > 22 ? `${label.slice(0, 21)}…` : label)} />
        <ReferenceLine x={0} stroke="#425563" />
        <Bar dataKey="score" name="Net Promoter Score" fill="#005eb8" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
