import { Button, Card, Group, NumberInput, Stack, Switch, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ObservabilityConfig } from '../../../shared/contract/observability';
import { getClient } from '../client';
import { notifyError, notifyOk } from '../shared/notify';

/** The desktop app's /health and /metrics switch (loopback only; applied when Vigia next starts). */
export function EndpointCard() {
  const { t } = useTranslation();
  const [config, setConfig] = useState<ObservabilityConfig>(() => ObservabilityConfig.parse({}));

  useEffect(() => {
    void getClient().invoke('observability.endpoint.get', undefined).then(setConfig, notifyError);
  }, []);

  const save = async () => {
    try {
      await getClient().invoke('observability.endpoint.set', { config });
      notifyOk(t('system.endpointSaved'));
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text fw={600}>{t('system.endpointTitle')}</Text>
        <Text size="sm" c="dimmed">
          {t('system.endpointIntro')}
        </Text>
        <Group align="end">
          <Switch
            label={t('system.endpointEnabled')}
            checked={config.enabled}
            onChange={(event) => setConfig({ ...config, enabled: event.currentTarget.checked })}
          />
          <NumberInput
            label={t('synthetic.port')}
            min={1_024}
            max={65_535}
            value={config.port}
            onChange={(value) => setConfig({ ...config, port: Number(value) || config.port })}
            w={140}
          />
          <Button variant="default" onClick={() => void save()}>
            {t('system.saveBackupConfig')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
