import { Badge, Button, Card, Group, NumberInput, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Collection,
  EndpointHealth,
  OpticalCadences,
  OpticalConfig,
  OpticalConfigInput,
  OpticalEndpoint,
  OpticalEndpointInput,
} from '../../../shared/contract/optical';
import { getClient } from '../client';
import { ClientError } from '../client/client-error';
import { useFormat } from '../i18n/format';
import { notifyError, notifyOk } from '../shared/notify';
import { EndpointForm } from './endpoint-form';
import { toInput, usePolled } from './use-optical';

const stateColor: Record<EndpointHealth['state'], string> = {
  ok: 'green',
  failing: 'orange',
  open: 'red',
  idle: 'gray',
  disabled: 'gray',
};

function HealthCells({ health }: { health: EndpointHealth | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!health) return <Table.Td colSpan={5} />;
  const error = health.lastError;
  return (
    <>
      <Table.Td>
        <Badge color={stateColor[health.state]} variant="light" data-testid="endpoint-state">
          {t(`optical.health.states.${health.state}`)}
        </Badge>
        {health.retryAt && (
          <Text size="xs" c="dimmed">
            {t('optical.health.retryAt', { time: format.time(health.retryAt) })}
          </Text>
        )}
        {health.progress && (
          <Text size="xs" c="dimmed">
            {t('optical.health.progress', {
              collection: t(`optical.health.collections.${health.progress.collection}`),
              read: health.progress.read,
              total: health.progress.total ?? '?',
            })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{format.dateTime(health.lastSuccessAt)}</Table.Td>
      <Table.Td data-testid="endpoint-error">
        {error ? (
          <Tooltip label={error.detail} multiline w={320}>
            <Text size="sm" c="red">
              {t(`optical.health.errors.${error.code}`)} (
              {t(`optical.health.collections.${error.collection}`)}) · {format.time(health.lastErrorAt)}
            </Text>
          </Tooltip>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td>{format.number(health.latencyMs, ' ms')}</Table.Td>
      <Table.Td>
        {health.cards} / {health.measures}
        {health.rejected > 0 && (
          <Tooltip label={health.rejectSample ?? ''}>
            <Text size="xs" c="orange">
              {t('optical.health.rejected')}: {health.rejected}
            </Text>
          </Tooltip>
        )}
      </Table.Td>
    </>
  );
}

function CadencesCard({
  cadences,
  onSave,
}: {
  cadences: OpticalCadences;
  onSave: (next: OpticalCadences) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(cadences);
  const fields: { key: keyof OpticalCadences; min: number }[] = [
    { key: 'inventoryMinutes', min: 5 },
    { key: 'criticalMeasuresSeconds', min: 30 },
    { key: 'otherMeasuresSeconds', min: 30 },
    { key: 'vendorAlarmsSeconds', min: 1 },
  ];
  return (
    <Card withBorder>
      <Text fw={600}>{t('optical.cadences.title')}</Text>
      <Text size="xs" c="dimmed" mb="xs">
        {t('optical.cadences.hint')}
      </Text>
      <Group align="flex-end">
        {fields.map(({ key, min }) => (
          <NumberInput
            key={key}
            label={t(`optical.cadences.${key}`)}
            min={min}
            value={draft[key]}
            onChange={(value) => setDraft({ ...draft, [key]: Number(value) })}
            w={190}
          />
        ))}
        <Button onClick={() => onSave(draft)}>{t('optical.save')}</Button>
      </Group>
    </Card>
  );
}

/** The Smart API endpoints with their health, their forms, and the collection cadences. */
export function EndpointsPanel({
  config,
  save,
}: {
  config: OpticalConfig;
  save: (input: OpticalConfigInput) => Promise<OpticalConfig>;
}) {
  const { t } = useTranslation();
  const [health] = usePolled(() => getClient().invoke('optical.health', undefined), 5_000);
  const [editing, setEditing] = useState<OpticalEndpoint | 'new' | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const apply = async (input: OpticalConfigInput, index?: number) => {
    try {
      await save(input);
      notifyOk(t('optical.saved'));
      setEditing(null);
      setErrors({});
    } catch (error) {
      const prefix = `config.endpoints.${index ?? -1}.`;
      if (error instanceof ClientError)
        setErrors(
          Object.fromEntries(
            error.issues
              .filter((issue) => issue.path.startsWith(prefix) || issue.path.startsWith(prefix.slice(7)))
              .map((issue) => [issue.path.split('.').pop()!, issue.message]),
          ),
        );
      notifyError(error);
    }
  };
  const saveEndpoint = (draft: OpticalEndpointInput) => {
    const input = toInput(config);
    const index =
      draft.id === null ? input.endpoints.length : input.endpoints.findIndex((e) => e.id === draft.id);
    input.endpoints[index] = draft;
    void apply(input, index);
  };
  const remove = (endpoint: OpticalEndpoint) => {
    const input = toInput(config);
    input.endpoints = input.endpoints.filter((candidate) => candidate.id !== endpoint.id);
    void apply(input);
  };
  const collect = async (endpointId: number, collection: Collection) => {
    try {
      await getClient().invoke('optical.collectNow', { endpointId, collection });
      notifyOk(t('optical.endpoint.collected'));
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Stack>
      <Group justify="flex-end">
        <Button onClick={() => setEditing('new')} data-testid="endpoint-add">
          {t('optical.endpoint.add')}
        </Button>
      </Group>
      {config.endpoints.length === 0 ? (
        <Text c="dimmed">{t('optical.endpoint.none')}</Text>
      ) : (
        <Table striped data-testid="endpoints-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('optical.endpoint.name')}</Table.Th>
              <Table.Th>{t('optical.health.state')}</Table.Th>
              <Table.Th>{t('optical.health.lastSuccess')}</Table.Th>
              <Table.Th>{t('optical.health.lastError')}</Table.Th>
              <Table.Th>{t('optical.health.latency')}</Table.Th>
              <Table.Th>
                {t('optical.health.cards')} / {t('optical.health.measures')}
              </Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {config.endpoints.map((endpoint) => (
              <Table.Tr key={endpoint.id} data-testid="endpoint-row">
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {endpoint.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {endpoint.baseUrl}
                    {endpoint.pathPrefix} · {endpoint.timeZone}
                  </Text>
                </Table.Td>
                <HealthCells health={health?.find((item) => item.endpointId === endpoint.id)} />
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="xs" variant="light" onClick={() => void collect(endpoint.id, 'inventory')}>
                      {t('optical.endpoint.collectInventory')}
                    </Button>
                    <Button size="xs" variant="light" onClick={() => void collect(endpoint.id, 'measures')}>
                      {t('optical.endpoint.collectMeasures')}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => setEditing(endpoint)}
                      aria-label={t('optical.endpoint.edit')}
                    >
                      ✎
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => remove(endpoint)}
                      aria-label={t('optical.endpoint.remove')}
                    >
                      ✕
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <CadencesCard
        cadences={config.cadences}
        onSave={(cadences) => void apply({ ...toInput(config), cadences })}
      />
      {editing !== null && (
        <EndpointForm
          endpoint={editing === 'new' ? null : editing}
          errors={errors}
          onSave={saveEndpoint}
          onClose={() => {
            setEditing(null);
            setErrors({});
          }}
        />
      )}
    </Stack>
  );
}
