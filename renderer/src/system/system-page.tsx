import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getClient } from '../client';
import { notifyError } from '../shared/notify';
import { BackupsCard } from './backups-card';
import { EndpointCard } from './endpoint-card';
import { HealthCard } from './health-card';
import { useLiveValue } from '../live/use-live';

/** Saves a file the engine sent as base64, through the page's own download. */
function download(fileName: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Vigia watching itself: health, database backups and the diagnostics export. */
export function SystemPage() {
  const { t } = useTranslation();
  const [exporting, setExporting] = useState(false);
  const desktop = useLiveValue((store) => store.info?.runtime === 'electron');
  const exportDiagnostics = async () => {
    setExporting(true);
    try {
      const { fileName, base64 } = await getClient().invoke('diagnostics.export', undefined);
      download(fileName, base64);
    } catch (error) {
      notifyError(error);
    } finally {
      setExporting(false);
    }
  };
  return (
    <Stack>
      <Title order={3}>{t('system.title')}</Title>
      <HealthCard />
      {desktop && <EndpointCard />}
      <BackupsCard />
      <Card withBorder>
        <Stack gap="xs" align="flex-start">
          <Text fw={600}>{t('system.diagnostics')}</Text>
          <Text size="sm" c="dimmed">
            {t('system.diagnosticsIntro')}
          </Text>
          <Button
            loading={exporting}
            onClick={() => void exportDiagnostics()}
            data-testid="export-diagnostics"
          >
            {t('system.exportDiagnostics')}
          </Button>
        </Stack>
      </Card>
    </Stack>
  );
}
