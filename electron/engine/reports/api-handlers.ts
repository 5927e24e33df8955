import { MAX_REPORT_DAYS, isReportRangeValid } from '../../../shared/contract/reports';
import { translate, type Language } from '../../../shared/i18n';
import { ApiFailure, invalidInput } from '../../../shared/contract/api-failure';
import type { ApiHandlers } from '../../../shared/contract/api-handlers';
import type { Repository } from '../store/repository';
import { availabilityReport } from './report-service';

export type ReportsApiHandlers = Pick<ApiHandlers, 'reports.availability' | 'reports.printPdf'>;

export function reportsApiHandlers(options: {
  repo: Repository;
  now: () => number;
  language: () => Language;
}): ReportsApiHandlers {
  return {
    'reports.availability': async (request) => {
      if (!isReportRangeValid(request))
        throw invalidInput(translate(options.language(), 'reports.invalidRange', { days: MAX_REPORT_DAYS }), [
          {
            path: 'to',
            message: translate(options.language(), 'reports.invalidRange', { days: MAX_REPORT_DAYS }),
          },
        ]);
      return availabilityReport(options.repo, request, options.now());
    },
    // The main process answers this one in the app (it owns the window to print).
    'reports.printPdf': async () => {
      throw new ApiFailure({
        code: 'unavailable',
        message: translate(options.language(), 'reports.pdfDesktopOnly'),
        issues: [],
      });
    },
  };
}
