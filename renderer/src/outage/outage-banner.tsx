import { Alert, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutageStatus } from '../../../shared/contract/outage';
import { getClient } from '../client';
import { useFormat } from '../i18n/format';

/** The engine's "is it us?" verdict, kept current: asked once, then followed by its events. */
function useOutageStatus(): OutageStatus | null {
  const [status, setStatus] = useState<OutageStatus | null>(null);
  useEffect(() => {
    const client = getClient();
    let live = true;
    // An event that arrives first is newer than the answer: the answer is then ignored.
    let heard = false;
    const stop = client.subscribe((event) => {
      if (event.type !== 'outage.changed') return;
      heard = true;
      setStatus(event.status);
    });
    client.invoke('outage.status', undefined).then(
      (answer) => {
        if (live && !heard) setStatus(answer);
      },
      () => undefined,
    );
    return () => {
      live = false;
      stop();
    };
  }, []);
  return status;
}

/**
 * At the top of every screen: the NOC's uplink is down, or a mass outage is going on. Either way
 * the devices' own alarms are symptoms, and their notifications wait for one summary.
 */
export function OutageBanner() {
  const { t } = useTranslation();
  const format = useFormat();
  const status = useOutageStatus();
  if (!status || (!status.uplink.down && !status.massOutage)) return null;
  return (
    <Stack gap="xs" mb="md">
      {status.uplink.down && (
        <Alert color="red" variant="filled" title={t('outage.uplinkTitle')} data-testid="uplink-banner">
          {t('outage.uplinkBody', {
            since: format.time(status.uplink.since),
            failing: status.uplink.failing.join(', '),
          })}
        </Alert>
      )}
      {status.massOutage && (
        <Alert color="orange" variant="filled" title={t('outage.massTitle')} data-testid="mass-outage-banner">
          {t('outage.massBody', {
            since: format.time(status.massOutage.since),
            count: format.number(status.massOutage.count),
          })}
        </Alert>
      )}
    </Stack>
  );
}
