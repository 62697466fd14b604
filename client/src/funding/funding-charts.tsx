import { useEffect, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartRow, ChartSeries } from './chart-data';
import { chartData, SERIES, wrapLabel } from './chart-data';
import { shortPounds } from './funding-text';

/**
 * The funding page's charts, drawn with Recharts. This module is the only one that imports
 * Recharts, and it is only ever loaded through React.lazy (see lazy-charts.tsx): the library is
 * a chunk of its own that the browser fetches when a funding chart is first shown, never with
 * the catalogue or any other page. Each chart sits next to a table of the same figures, which
 * is what a screen reader reads: the chart itself is one labelled image.
 */

const NARROW = '(max-width: 40.0525em)';
/**
 * A name takes at most two lines beside its bar on a laptop, so eleven bars fit its screen, and
 * three on a phone, where the side is narrower. A shortened name keeps the whole as its title (a
 * tooltip), and the table beside the chart has it too.
 */
const labelLines = (narrow: boolean) => (narrow ? 3 : 2);
const AXIS_TEXT = '#4c6272';
const GRID = '#d8dde0';

function useNarrowScreen(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(NARROW).matches);
  useEffect(() => {
    const query = window.matchMedia(NARROW);
    const change = () => setNarrow(query.matches);
    query.addEventListener('change', change);
    return () => query.removeEventListener('change', change);
  }, []);
  return narrow;
}

/**
 * How many characters of a label surely fit across the axis: an average character of the sans
 * serif is about half the font size wide, capitals and "m" more, so the estimate leaves room.
 */
function labelChars(width: number, fontSize: number): number {
  return Math.max(Math.floor((width - 8) / (fontSize * 0.62)), 8);
}

function CategoryTick({ x, y, payload, width, fontSize, maxLines }: {
  x?: number | string; y?: number | string; payload?: { value: string }; width: number; fontSize: number; maxLines: number;
}) {
  const name = payload?.value ?? '';
  const lines = wrapLabel(name, labelChars(width, fontSize), maxLines);
  const lineHeight = fontSize * 1.15;
  const top = -((lines.length - 1) * lineHeight) / 2;
  return (
    <text x={Number(x)} y={Number(y)} textAnchor="end" fill={AXIS_TEXT} fontSize={fontSize} dominantBaseline="middle">
      {lines.join(' ') !== name ? <title>{name}</title> : null}
      {lines.map((line, index) => (
        <tspan key={index} x={Number(x) - 4} dy={index === 0 ? top : lineHeight}>{line}</tspan>
      ))}
    </text>
  );
}

/**
 * Stacked bars of spent, committed and (where it means something) remaining. `bars` lays the
 * categories down the side, for long names (funders, organisations); `columns` along the
 * bottom, for a few short ones (quarters).
 */
export function BreakdownChart({ rows, series, layout }: { rows: ChartRow[]; series: ChartSeries[]; layout: 'bars' | 'columns' }) {
  const narrow = useNarrowScreen();
  const data = chartData(rows, series);
  const fontSize = narrow ? 12 : 14;
  const labelWidth = narrow ? 128 : 210;
  const bars = series.map((key) => (
    <Bar key={key} dataKey={key} name={SERIES[key].name} stackId="money" fill={SERIES[key].fill} stroke={SERIES[key].stroke}
      isAnimationActive={false} maxBarSize={layout === 'bars' ? 28 : 56} />
  ));
  const tooltip = (
    <Tooltip cursor={{ fill: 'rgba(216, 221, 224, 0.4)' }}
      formatter={(_value, name, item) => [String((item.payload as Record<string, unknown>)[`${String(item.dataKey)}Text`] ?? ''), String(name)]} />
  );
  // In the order the bars stack, in the text colour: a pale series' name must still be readable.
  const legend = (
    <Legend verticalAlign="top" height={36} wrapperStyle={{ fontSize }} itemSorter={null}
      formatter={(value: string) => <span style={{ color: AXIS_TEXT }}>{value}</span>} />
  );

  if (layout === 'bars') {
    // Each bar's row is as tall as its longest wrapped name, so names never run into each other.
    const charsPerLine = labelChars(labelWidth, fontSize);
    const maxLines = labelLines(narrow);
    const lines = Math.max(1, ...data.map((datum) => wrapLabel(datum.label, charsPerLine, maxLines).length));
    const height = Math.max(data.length * Math.max(36, lines * fontSize * 1.15 + 14) + 80, 160);
    return (
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} layout="vertical" accessibilityLayer={false} margin={{ top: 0, right: 24, bottom: 0, left: 0 }}>
          <CartesianGrid horizontal={false} stroke={GRID} />
          <XAxis type="number" tickFormatter={(value: number) => shortPounds(value * 100)} stroke={AXIS_TEXT}
            tick={{ fill: AXIS_TEXT, fontSize }} allowDecimals={false} />
          <YAxis type="category" dataKey="label" width={labelWidth} stroke={AXIS_TEXT} interval={0}
            tick={(props: { x?: number | string; y?: number | string; payload?: { value: string } }) => (
              <CategoryTick {...props} width={labelWidth} fontSize={fontSize} maxLines={maxLines} />
            )} />
          {tooltip}
          {legend}
          {bars}
        </BarChart>
      </ResponsiveContainer>
    );
  }
  return (
    <ResponsiveContainer width="100%" height={narrow ? 260 : 320}>
      <BarChart data={data} accessibilityLayer={false} margin={{ top: 0, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke={GRID} />
        <XAxis dataKey="shortLabel" stroke={AXIS_TEXT} tick={{ fill: AXIS_TEXT, fontSize }} interval={0} />
        <YAxis tickFormatter={(value: number) => shortPounds(value * 100)} stroke={AXIS_TEXT} tick={{ fill: AXIS_TEXT, fontSize }}
          width={narrow ? 48 : 64} allowDecimals={false} />
        {tooltip}
        {legend}
        {bars}
      </BarChart>
    </ResponsiveContainer>
  );
}
