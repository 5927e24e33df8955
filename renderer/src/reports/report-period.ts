import { ReportGrouping, type ReportGrouping as Grouping } from '../../../shared/contract/reports';

/** What the page reports on: a calendar month, or any range of whole days, in local time. */
export type Period = { kind: 'month'; month: string } | { kind: 'range'; from: string; to: string };

const pad = (value: number) => String(value).padStart(2, '0');

/** "2026-11" for the month containing `at`, local time. */
export const monthOf = (at: number): string => {
  const date = new Date(at);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;
};

/** "2026-11-30" for the day containing `at`, local time. */
export const dayOf = (at: number): string => {
  const date = new Date(at);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The period as epoch milliseconds [from, to): local midnights; a range includes its last day. Null: not a valid period. */
export function periodRange(period: Period): { from: number; to: number } | null {
  if (period.kind === 'month') {
    const match = MONTH.exec(period.month);
    if (!match) return null;
    const [year, month] = [Number(match[1]), Number(match[2]) - 1];
    return { from: new Date(year, month, 1).getTime(), to: new Date(year, month + 1, 1).getTime() };
  }
  const start = DAY.exec(period.from);
  const end = DAY.exec(period.to);
  if (!start || !end) return null;
  const from = new Date(Number(start[1]), Number(start[2]) - 1, Number(start[3])).getTime();
  const to = new Date(Number(end[1]), Number(end[2]) - 1, Number(end[3]) + 1).getTime();
  return to > from ? { from, to } : null;
}

export interface ReportQuery {
  period: Period;
  groupBy: Grouping;
  /** Opened by the server's PDF maker: the page shows itself as printed. */
  print: boolean;
}

/** The page's state in its address ("reports?month=2026-11&group=tower"), so a report can be linked and printed. */
export function parseReportQuery(query: string, now: number): ReportQuery {
  const params = new URLSearchParams(query);
  const from = params.get('from');
  const to = params.get('to');
  const period: Period =
    from && to && DAY.test(from) && DAY.test(to)
      ? { kind: 'range', from, to }
      : { kind: 'month', month: MONTH.test(params.get('month') ?? '') ? params.get('month')! : monthOf(now) };
  const group = ReportGrouping.safeParse(params.get('group'));
  return { period, groupBy: group.success ? group.data : 'device', print: params.get('print') === '1' };
}

export function reportQueryString(query: Omit<ReportQuery, 'print'>): string {
  const params = new URLSearchParams(
    query.period.kind === 'month'
      ? { month: query.period.month }
      : { from: query.period.from, to: query.period.to },
  );
  params.set('group', query.groupBy);
  return params.toString();
}
