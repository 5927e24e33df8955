import {
  Button,
  Card,
  NumberInput,
  SegmentedControl,
  Stack,
  TextInput,
  Title,
  useMantineColorScheme,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getClient } from '../client';
import { setLanguage, type Language } from '../i18n';
import { notifyError, notifyOk } from '../shared/notify';
import { operatorName, setOperatorName } from '../shared/operator';
import { NotificationsSection } from './notifications/notifications-section';

/** What this workstation and the engine read: operator, language, theme, map tiles, ICMP cadence. */
export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const [operator, setOperator] = useState(operatorName());
  const [tileUrl, setTileUrl] = useState('');
  const [stableS, setStableS] = useState<number | string>(60);

  useEffect(() => {
    void getClient()
      .invoke('settings.get', undefined)
      .then((settings) => {
        if (typeof settings['map.tileUrl'] === 'string') setTileUrl(settings['map.tileUrl']);
        const monitor = settings['monitor.config'] as { interval?: { stableMs?: number } } | undefined;
        if (monitor?.interval?.stableMs) setStableS(monitor.interval.stableMs / 1000);
      }, notifyError);
  }, []);

  const save = async () => {
    const tiles = tileUrl.trim();
    if (tiles && !/^https?:\/\/.+\{z\}.+\{x\}.+\{y\}/.test(tiles)) {
      notifyError(new Error(`${t('settings.tileUrl')}: ${t('settings.invalid')} ({z}/{x}/{y})`));
      return;
    }
    const seconds = Number(stableS);
    if (!Number.isFinite(seconds) || seconds < 10 || seconds > 3600) {
      notifyError(new Error(`${t('settings.intervalStable')}: ${t('settings.invalid')}`));
      return;
    }
    try {
      setOperatorName(operator || 'operador');
      const by = operatorName();
      const current = (await getClient().invoke('settings.get', undefined))['monitor.config'] as
        Record<string, unknown> | undefined;
      await getClient().invoke('settings.set', { key: 'map.tileUrl', value: tiles, by });
      await getClient().invoke('settings.set', {
        key: 'monitor.config',
        value: {
          ...current,
          interval: { ...((current?.interval as object | undefined) ?? {}), stableMs: seconds * 1000 },
        },
        by,
      });
      notifyOk(t('settings.saved'));
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Stack maw={880}>
      <Card withBorder maw={640}>
        <Stack>
          <TextInput
            label={t('settings.operator')}
            description={t('settings.operatorHelp')}
            value={operator}
            onChange={(e) => setOperator(e.currentTarget.value)}
          />
          <div>
            <Title order={6}>{t('settings.language')}</Title>
            <SegmentedControl
              data-testid="language-switch"
              value={i18n.language}
              onChange={(value) => setLanguage(value as Language)}
              data={[
                { value: 'pt-BR', label: 'Português (Brasil)' },
                { value: 'en', label: 'English' },
              ]}
            />
          </div>
          <div>
            <Title order={6}>{t('settings.theme')}</Title>
            <SegmentedControl
              value={colorScheme === 'light' ? 'light' : 'dark'}
              onChange={(value) => setColorScheme(value as 'light' | 'dark')}
              data={[
                { value: 'dark', label: t('settings.dark') },
                { value: 'light', label: t('settings.light') },
              ]}
            />
          </div>
          <TextInput
            label={t('settings.tileUrl')}
            description={t('settings.tileHelp')}
            placeholder="https://tiles.example/{z}/{x}/{y}.png"
            value={tileUrl}
            onChange={(e) => setTileUrl(e.currentTarget.value)}
          />
          <Title order={6}>{t('settings.monitor')}</Title>
          <NumberInput
            label={t('settings.intervalStable')}
            min={10}
            max={3600}
            value={stableS}
            onChange={setStableS}
          />
          <Button onClick={() => void save()} w="fit-content">
            {t('settings.save')}
          </Button>
        </Stack>
      </Card>
      <NotificationsSection />
    </Stack>
  );
}
