import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NotifyTestTarget } from '../../../../shared/contract/notify';
import { getClient } from '../../client';
import { errorMessage } from '../../client/client-error';
import { issueMessage } from './issues';

export interface TestState {
  running: boolean;
  ok: boolean | null;
  /** The engine's reason, word for word, or why the test could not be sent. */
  error: string | null;
}

/** "Send test" for any destination, one result per row key, shown until the next test of that row. */
export function useNotifyTests() {
  const { t } = useTranslation();
  const [results, setResults] = useState<Record<string, TestState>>({});
  const set = (key: string, state: TestState) => setResults((current) => ({ ...current, [key]: state }));

  const run = useCallback(
    async (key: string, target: unknown) => {
      const parsed = NotifyTestTarget.safeParse(target);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = String(issue?.path.at(-1) ?? '');
        const message = issue ? issueMessage(issue, t) : t('notify.issues.form');
        set(key, {
          running: false,
          ok: false,
          error: field ? `${t(`notify.field.${field}`, { defaultValue: field })}: ${message}` : message,
        });
        return;
      }
      set(key, { running: true, ok: null, error: null });
      try {
        const result = await getClient().invoke('notify.test', { target: parsed.data });
        set(key, { running: false, ok: result.ok, error: result.ok ? null : (result.error ?? '') });
      } catch (error) {
        set(key, { running: false, ok: false, error: errorMessage(error) });
      }
    },
    [t],
  );

  return { results, run };
}
