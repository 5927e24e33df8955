import { z } from 'zod';
import { epochMs } from './entities';

const DAY_MS = 86_400_000;

/** The headless server's PDF of a report: GET with the Reports page's query (month or from/to, group). */
export const REPORT_PDF_PATH = '/reports/pdf';
/** The longest range a report covers: as long as the state history is kept at most. */
export const MAX_REPORT_DAYS = 3_650;

export const reportGroupings = ['device', 'tower', 'tag'] as const;
export const ReportGrouping = z.enum(reportGroupings);
export type ReportGrouping = z.infer<typeof ReportGrouping>;

export const ReportRequest = z.object({
  from: epochMs,
  to: epochMs,
  groupBy: ReportGrouping.default('device'),
});
export type ReportRequest = z.input<typeof ReportRequest>;

export const isReportRangeValid = ({ from, to }: { from: number; to: number }): boolean =>
  to > from && to - from <= MAX_REPORT_DAYS * DAY_MS;

const Figures = {
  /** Monitored time in the range, maintenance excluded. */
  monitoredMs: z.number().nonnegative(),
  downMs: z.number().nonnegative(),
  maintenanceMs: z.number().nonnegative(),
  /** Null: nothing was monitored in the range. */
  availabilityPct: z.number().min(0).max(100).nullable(),
  incidents: z.number().int().nonnegative(),
};

/** One line of the report: a device, a tower or a tag (devices without one share a line). */
export const ReportRow = z.object({
  key: z.string(),
  /** Null for the line of devices with no tower (or no tag): the page names it. */
  name: z.string().nullable(),
  /** A device's address; empty for groups. */
  host: z.string(),
  /** A device's tower, for the device grouping. */
  tower: z.string().nullable(),
  devices: z.number().int().nonnegative(),
  ...Figures,
});
export type ReportRow = z.infer<typeof ReportRow>;

export const rootCauseKinds = ['device', 'tower', 'parent', 'flapping', 'maintenance'] as const;

export const ReportIncident = z.object({
  deviceId: z.number().int().positive(),
  device: z.string(),
  tower: z.string().nullable(),
  start: epochMs,
  end: epochMs,
  durationMs: z.number().nonnegative(),
  countedMs: z.number().nonnegative(),
  ongoing: z.boolean(),
  cause: z.enum(rootCauseKinds),
  /** The tower or parent device that took it down, by name. */
  causeName: z.string().nullable(),
});
export type ReportIncident = z.infer<typeof ReportIncident>;

/** Incidents sent with a report, longest first; the total says how many there were. */
export const MAX_REPORT_INCIDENTS = 5_000;

export const AvailabilityReport = z.object({
  from: epochMs,
  to: epochMs,
  groupBy: ReportGrouping,
  generatedAt: epochMs,
  rows: z.array(ReportRow),
  total: z.object({ devices: z.number().int().nonnegative(), ...Figures }),
  incidents: z.array(ReportIncident),
  incidentsTotal: z.number().int().nonnegative(),
});
export type AvailabilityReport = z.infer<typeof AvailabilityReport>;

export const reportsApiMethods = {
  /** Availability per device, tower or tag over a range, from the stored state history. */
  'reports.availability': { input: ReportRequest, output: AvailabilityReport },
  /**
   * The desktop app prints the page on screen (its print stylesheet) to a PDF the operator saves;
   * answered by the main process, never by the engine. Headless, the server serves /reports/pdf.
   */
  'reports.printPdf': {
    input: z.object({ fileName: z.string().trim().min(1).max(120) }),
    output: z.object({ saved: z.boolean() }),
  },
} as const;
