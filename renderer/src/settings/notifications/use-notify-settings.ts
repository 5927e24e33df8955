import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotifyConfigView } from '../../../../shared/contract/notify';
import { getClient } from '../../client';
import { useLiveValue } from '../../live/use-live';
import { ClientError, errorMessage } from '../../client/client-error';
import { notifyError, notifyOk } from '../../shared/notify';
import { operatorName } from '../../shared/operator';
import { draftFromConfig, isDirty, secretsFromDraft, type NotifyDraft } from './draft';
import { engineIssues, validateDraft, type FormIssue } from './issues';

export interface TowerOption {
  value: string;
  label: string;
}

/**
 * The notifications form's data: the stored view (secrets only as hints), the draft being
 * edited, the "do not disturb" switch and the towers to route by. Saving validates against the
 * contract first (and keeps validating as the operator fixes things) and reloads the form from
 * what the engine stored.
 */
export function useNotifySettings() {
  const { t } = useTranslation();
  const [view, setView] = useState<NotifyConfigView | null>(null);
  const [saved, setSaved] = useState<NotifyDraft | null>(null);
  const [draft, setDraftState] = useState<NotifyDraft | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // The stored switch, as the tray or another workstation may flip it too.
  const paused = useLiveValue((store) => store.settings?.notifications.paused ?? false);
  const [towers, setTowers] = useState<TowerOption[]>([]);
  const [submitted, setSubmitted] = useState(false);
  const [rejected, setRejected] = useState<FormIssue[]>([]);
  const [saving, setSaving] = useState(false);

  const apply = useCallback((next: NotifyConfigView) => {
    const fresh = draftFromConfig(next.config);
    setView(next);
    setSaved(fresh);
    setDraftState(fresh);
    setSubmitted(false);
    setRejected([]);
  }, []);

  const load = useCallback(async () => {
    setLoadError(null);
    const client = getClient();
    try {
      const [next, towerList] = await Promise.all([
        client.invoke('notify.config.get', undefined),
        client.invoke('towers.list', undefined),
      ]);
      apply(next);
      setTowers(
        [...towerList]
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((tower) => ({
            value: String(tower.id),
            label: tower.code ? `${tower.name} (${tower.code})` : tower.name,
          })),
      );
    } catch (error) {
      setLoadError(errorMessage(error));
    }
  }, [apply]);

  useEffect(() => {
    void load();
  }, [load]);

  /** Every edit goes through here: what the engine refused last time no longer applies. */
  const update = useCallback((change: (draft: NotifyDraft) => NotifyDraft) => {
    setDraftState((current) => (current ? change(current) : current));
    setRejected([]);
  }, []);

  /** Applied at once, like the tray's switch: it is an operator's action, not a configuration. */
  const setPaused = async (value: boolean) => {
    try {
      await getClient().invoke('settings.notifications.set', {
        value: { paused: value },
        by: operatorName(),
      });
      notifyOk(value ? t('notify.desktop.pausedOn') : t('notify.desktop.pausedOff'));
    } catch (error) {
      notifyError(error);
    }
  };

  const issues = useMemo(() => {
    if (!draft) return [];
    const local = submitted ? validateDraft(draft, t).issues : [];
    return local.length > 0 ? local : rejected;
  }, [draft, submitted, rejected, t]);

  const save = async (): Promise<boolean> => {
    if (!draft || !view) return false;
    setSubmitted(true);
    const { config } = validateDraft(draft, t);
    if (!config) return false;
    setSaving(true);
    try {
      const next = await getClient().invoke('notify.config.set', {
        config,
        ...secretsFromDraft(draft, view),
        by: operatorName(),
      });
      apply(next);
      notifyOk(t('notify.saved'));
      return true;
    } catch (error) {
      if (error instanceof ClientError && error.issues.length > 0)
        setRejected(engineIssues(error.issues, draft, t));
      notifyError(error);
      return false;
    } finally {
      setSaving(false);
    }
  };

  const discard = () => {
    if (saved) setDraftState(saved);
    setSubmitted(false);
    setRejected([]);
  };

  const dirty = useMemo(() => (draft && saved ? isDirty(draft, saved) : false), [draft, saved]);

  return {
    view,
    draft,
    update,
    loadError,
    reload: load,
    paused,
    setPaused,
    towers,
    issues,
    save,
    saving,
    discard,
    dirty,
  };
}
