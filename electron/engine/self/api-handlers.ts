import type { ApiInput, ApiOutput } from '../../../shared/contract/api';
import { historyRangeMs } from '../../../shared/contract/common';
import type { SelfMonitor } from './self-monitor';

export interface SelfApiHandlers {
  'health.history': (input: ApiInput<'health.history'>) => Promise<ApiOutput<'health.history'>>;
}

export function selfApiHandlers(monitor: SelfMonitor, now: () => number): SelfApiHandlers {
  return {
    'health.history': ({ range }) => {
      const to = now();
      return monitor.history(to - historyRangeMs[range], to);
    },
  };
}
