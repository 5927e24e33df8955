import { Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChangesPanel } from './changes-panel';
import { EndpointsPanel } from './endpoints-panel';
import { NetworkPanel } from './network-panel';
import { RulesPanel } from './rules-panel';
import { useOpticalConfig } from './use-optical';
import { VendorAlarmsPanel } from './vendor-alarms-panel';

/** Optical monitoring of the Padtec DWDM backbone through its Smart API. */
export function OpticalPage() {
  const { t } = useTranslation();
  const { config, save } = useOpticalConfig();
  if (!config) return <Text>{t('app.loading')}</Text>;
  return (
    <Tabs defaultValue="network" keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="network" data-testid="optical-tab-network">
          {t('optical.tabs.network')}
        </Tabs.Tab>
        <Tabs.Tab value="endpoints" data-testid="optical-tab-endpoints">
          {t('optical.tabs.endpoints')}
        </Tabs.Tab>
        <Tabs.Tab value="vendor" data-testid="optical-tab-vendor">
          {t('optical.tabs.vendor')}
        </Tabs.Tab>
        <Tabs.Tab value="rules" data-testid="optical-tab-rules">
          {t('optical.tabs.rules')}
        </Tabs.Tab>
        <Tabs.Tab value="changes" data-testid="optical-tab-changes">
          {t('optical.tabs.changes')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="network">
        <NetworkPanel config={config} />
      </Tabs.Panel>
      <Tabs.Panel value="endpoints">
        <EndpointsPanel config={config} save={save} />
      </Tabs.Panel>
      <Tabs.Panel value="vendor">
        <VendorAlarmsPanel />
      </Tabs.Panel>
      <Tabs.Panel value="rules">
        <RulesPanel key={JSON.stringify(config.rules)} config={config} save={save} />
      </Tabs.Panel>
      <Tabs.Panel value="changes">
        <ChangesPanel />
      </Tabs.Panel>
    </Tabs>
  );
}
