import type { EvaluationCellFieldsFragment } from '../gql/graphql';
import type { CsvColumn } from '../funding/csv-text';

/** A count as people read it, with thousands separators: 4,131. */
export function countText(count: number): string {
  return count.toLocaleString('en-GB');
}

/** Responses out of those asked: "4,131 of 6,518". */
export function responsesText(cell: { responses: number; asked: number }): string {
  return `${countText(cell.responses)} of ${countText(cell.asked)}`;
}

/** A 0..1 share as a whole percentage, "—" when there is none. */
export function percentText(share: number | null | undefined): string {
  return share == null ? '—' : `${Math.round(share * 100)}%`;
}

/** A Net Promoter Score as people write it: "+29", "0", "-12"; "—" when withheld or none. */
export function npsText(score: number | null | undefined): string {
  if (score == null) return '—';
  return score > 0 ? `+${score}` : String(score);
}

export function ratingText(rating: number | null | undefined): string {
  return rating == null ? '—' : rating.toFixed(1);
}

/** The CSV of one breakdown: the same columns as its table, withheld figures left empty. */
export function outcomeCsvColumns(labelHeader: string): Array<CsvColumn<EvaluationCellFieldsFragment>> {
  return [
    { header: labelHeader, value: (c) => c.label },
    { header: 'Asked', value: (c) => c.asked },
    { header: 'Responses', value: (c) => c.responses },
    { header: 'Response rate', value: (c) => (c.responseRate == null ? null : percentText(c.responseRate)) },
    { header: 'Mean rating (1 to 5)', value: (c) => (c.meanRating == null ? null : c.meanRating.toFixed(2)) },
    { header: 'Net Promoter Score', value: (c) => c.netPromoterScore },
    { header: 'Applying the learning', value: (c) => (c.applyingRate == null ? null : percentText(c.applyingRate)) },
    { header: 'Fewer than 5 responses (figures withheld)', value: (c) => c.suppressed },
  ];
}
