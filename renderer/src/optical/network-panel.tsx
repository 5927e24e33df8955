import { Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpticalCard, OpticalConfig, OpticalSite } from '../../../shared/contract/optical';
import { getClient } from '../client';
import { useFormat } from '../i18n/format';
import { useLive } from '../live/use-live';
import { notifyError, notifyOk } from '../shared/notify';
import { operatorName } from '../shared/operator';
import { MeasureChart } from './measure-chart';
import { usePolled } from './use-optical';

function SitesTable({ config, onOpen }: { config: OpticalConfig; onOpen: (site: OpticalSite) => void }) {
  const { t } = useTranslation();
  const { store, version } = useLive();
  const [sites, refresh] = usePolled(() => getClient().invoke('optical.sites', undefined), 15_000);
  const towers = useMemo(
    () =>
      [...store.towers.values()]
        .map((tower) => ({ value: String(tower.id), label: `${tower.code} · ${tower.name}` }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    // version is the live store's change counter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, version],
  );
  const endpointName = (id: number) =>
    config.endpoints.find((endpoint) => endpoint.id === id)?.name ?? String(id);
  const map = async (site: OpticalSite, towerId: string | null) => {
    try {
      await getClient().invoke('optical.site.map', {
        endpointId: site.endpointId,
        site: site.site,
        towerId: towerId === null ? null : Number(towerId),
        by: operatorName(),
      });
      notifyOk(t('optical.site.mapped'));
      refresh();
    } catch (error) {
      notifyError(error);
    }
  };
  if (sites !== null && sites.length === 0) return <Text c="dimmed">{t('optical.site.none')}</Text>;
  return (
    <Table striped highlightOnHover data-testid="optical-sites">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('optical.site.site')}</Table.Th>
          <Table.Th>{t('optical.site.endpoint')}</Table.Th>
          <Table.Th>{t('optical.site.tower')}</Table.Th>
          <Table.Th>{t('optical.site.cards')}</Table.Th>
          <Table.Th>{t('optical.site.down')}</Table.Th>
          <Table.Th>{t('optical.site.alarms')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {(sites ?? []).map((site) => (
          <Table.Tr key={`${site.endpointId}:${site.site}`} data-testid="optical-site-row">
            <Table.Td style={{ cursor: 'pointer' }} onClick={() => onOpen(site)}>
              <Text size="sm" fw={600} c="blue">
                {site.site}
              </Text>
            </Table.Td>
            <Table.Td>{endpointName(site.endpointId)}</Table.Td>
            <Table.Td>
              <Select
                size="xs"
                w={220}
                searchable
                clearable
                placeholder={t('optical.site.noTower')}
                data={towers}
                value={site.towerId === null ? null : String(site.towerId)}
                onChange={(value) => void map(site, value)}
                aria-label={t('optical.site.tower')}
              />
            </Table.Td>
            <Table.Td>{site.cards}</Table.Td>
            <Table.Td>{site.cardsDown > 0 ? <Badge color="red">{site.cardsDown}</Badge> : 0}</Table.Td>
            <Table.Td>{site.openAlarms > 0 ? <Badge color="orange">{site.openAlarms}</Badge> : 0}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function CardState({ card }: { card: OpticalCard }) {
  const { t } = useTranslation();
  if (card.removedAt !== null) return <Badge color="gray">{t('optical.card.removed')}</Badge>;
  if (card.isUp === null)
    return (
      <Badge color="gray" variant="light">
        {t('optical.card.unknown')}
      </Badge>
    );
  return card.isUp ? (
    <Badge color="green" variant="light">
      {t('optical.card.up')}
    </Badge>
  ) : (
    <Badge color="red">{t('optical.card.down')}</Badge>
  );
}

function SiteCards({ site, onBack }: { site: OpticalSite; onBack: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [cards] = usePolled(
    () => getClient().invoke('optical.cards', { endpointId: site.endpointId, site: site.site }),
    30_000,
    `${site.endpointId}|${site.site}`,
  );
  const [openCard, setOpenCard] = useState<string | null>(null);
  const [measure, setMeasure] = useState<{ uid: string; name: string } | null>(null);
  return (
    <Stack>
      <Group>
        <Button variant="subtle" size="xs" onClick={onBack}>
          ← {t('optical.card.back')}
        </Button>
        <Text fw={700}>{site.site}</Text>
      </Group>
      <Table striped highlightOnHover data-testid="optical-cards">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('optical.card.uid')}</Table.Th>
            <Table.Th>{t('optical.card.model')}</Table.Th>
            <Table.Th>{t('optical.card.family')}</Table.Th>
            <Table.Th>{t('optical.card.serial')}</Table.Th>
            <Table.Th>{t('optical.card.part')}</Table.Th>
            <Table.Th>{t('optical.card.firmware')}</Table.Th>
            <Table.Th>{t('optical.card.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(cards ?? []).flatMap((card) => [
            <Table.Tr
              key={card.cardUid}
              style={{ cursor: 'pointer' }}
              onClick={() => setOpenCard(openCard === card.cardUid ? null : card.cardUid)}
              data-testid="optical-card-row"
            >
              <Table.Td>
                <Text size="sm" fw={600}>
                  {card.cardUid}
                </Text>
              </Table.Td>
              <Table.Td>{card.model}</Table.Td>
              <Table.Td>{t(`optical.families.${card.family}`)}</Table.Td>
              <Table.Td>{card.serial}</Table.Td>
              <Table.Td>{card.part}</Table.Td>
              <Table.Td>{card.firmware}</Table.Td>
              <Table.Td>
                <CardState card={card} />
              </Table.Td>
            </Table.Tr>,
            openCard === card.cardUid && (
              <Table.Tr key={`${card.cardUid}:measures`}>
                <Table.Td colSpan={7}>
                  {card.measures.length === 0 ? (
                    <Text c="dimmed" size="sm">
                      {t('optical.measure.none')}
                    </Text>
                  ) : (
                    <Table data-testid="optical-measures">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('optical.measure.name')}</Table.Th>
                          <Table.Th>{t('optical.measure.key')}</Table.Th>
                          <Table.Th>{t('optical.measure.value')}</Table.Th>
                          <Table.Th>{t('optical.measure.updated')}</Table.Th>
                          <Table.Th>{t('optical.measure.alarms')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {card.measures.map((item) => (
                          <Table.Tr
                            key={item.uid}
                            style={{ cursor: 'pointer' }}
                            onClick={() =>
                              setMeasure({ uid: item.uid, name: `${card.cardUid} · ${item.name}` })
                            }
                            data-testid="optical-measure-row"
                          >
                            <Table.Td>{item.name}</Table.Td>
                            <Table.Td>{item.key}</Table.Td>
                            <Table.Td>
                              {format.number(item.value)} {item.unit}
                            </Table.Td>
                            <Table.Td>{format.dateTime(item.at ?? item.collectedAt)}</Table.Td>
                            <Table.Td>
                              {item.alarms.map((type) => (
                                <Badge key={type} color="red" variant="light" mr={4}>
                                  {t(`optical.alarmTypes.${type}`, { defaultValue: type })}
                                </Badge>
                              ))}
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  )}
                </Table.Td>
              </Table.Tr>
            ),
          ])}
        </Table.Tbody>
      </Table>
      {measure && <MeasureChart endpointId={site.endpointId} uid={measure.uid} name={measure.name} />}
    </Stack>
  );
}

/** Sites → cards → measures, with each site's tower and a measure's chart. */
export function NetworkPanel({ config }: { config: OpticalConfig }) {
  const [site, setSite] = useState<OpticalSite | null>(null);
  return site ? (
    <SiteCards site={site} onBack={() => setSite(null)} />
  ) : (
    <SitesTable config={config} onOpen={setSite} />
  );
}
