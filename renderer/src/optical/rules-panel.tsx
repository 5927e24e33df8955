import {
  ActionIcon,
  Autocomplete,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { severities, type Severity } from '../../../shared/contract/entities';
import {
  thresholdConditions,
  type OpticalConfig,
  type OpticalConfigInput,
  type OpticalRules,
  type PreviewHit,
  type ThresholdRule,
} from '../../../shared/contract/optical';
import { getClient } from '../client';
import { useFormat } from '../i18n/format';
import { notifyError, notifyOk } from '../shared/notify';
import { toInput } from './use-optical';

const nullableNumber = (value: string | number) => (value === '' ? null : Number(value));

function RuleRow({
  rule,
  models,
  onChange,
  onRemove,
}: {
  rule: ThresholdRule;
  models: string[];
  onChange: (rule: ThresholdRule) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [hits, setHits] = useState<PreviewHit[] | null>(null);
  const severityData = severities.map((value) => ({ value, label: t(`severity.${value}`) }));
  const preview = async () => {
    try {
      setHits(await getClient().invoke('optical.rules.preview', { rule }));
    } catch (error) {
      notifyError(error);
    }
  };
  return (
    <>
      <Table.Tr data-testid="optical-rule-row">
        <Table.Td>
          <TextInput
            size="xs"
            w={130}
            value={rule.id}
            onChange={(e) => onChange({ ...rule, id: e.currentTarget.value })}
          />
        </Table.Td>
        <Table.Td>
          <Autocomplete
            size="xs"
            w={120}
            data={models}
            value={rule.cardModel}
            onChange={(cardModel) => onChange({ ...rule, cardModel })}
          />
        </Table.Td>
        <Table.Td>
          <NumberInput
            size="xs"
            w={80}
            value={rule.measureKey}
            onChange={(v) => onChange({ ...rule, measureKey: Number(v) })}
          />
        </Table.Td>
        <Table.Td>
          <Select
            size="xs"
            w={130}
            data={thresholdConditions.map((value) => ({
              value,
              label: t(`optical.rules.conditions.${value}`),
            }))}
            value={rule.condition}
            onChange={(value) =>
              value && onChange({ ...rule, condition: value as ThresholdRule['condition'] })
            }
          />
        </Table.Td>
        <Table.Td>
          <NumberInput
            size="xs"
            w={80}
            decimalScale={2}
            disabled={rule.condition === 'ABOVE'}
            value={rule.min ?? ''}
            onChange={(v) => onChange({ ...rule, min: nullableNumber(v) })}
          />
        </Table.Td>
        <Table.Td>
          <NumberInput
            size="xs"
            w={80}
            decimalScale={2}
            disabled={rule.condition === 'BELOW'}
            value={rule.max ?? ''}
            onChange={(v) => onChange({ ...rule, max: nullableNumber(v) })}
          />
        </Table.Td>
        <Table.Td>
          <NumberInput
            size="xs"
            w={70}
            min={0}
            step={0.1}
            decimalScale={2}
            value={rule.hysteresis}
            onChange={(v) => onChange({ ...rule, hysteresis: Number(v) })}
          />
        </Table.Td>
        <Table.Td>
          <Select
            size="xs"
            w={110}
            data={severityData}
            value={rule.severity}
            onChange={(value) => value && onChange({ ...rule, severity: value as Severity })}
          />
        </Table.Td>
        <Table.Td>
          <Switch
            checked={rule.enabled}
            onChange={(e) => onChange({ ...rule, enabled: e.currentTarget.checked })}
            aria-label={t('optical.rules.enabled')}
          />
        </Table.Td>
        <Table.Td>
          <Group gap={4} wrap="nowrap">
            <Button
              size="xs"
              variant="light"
              onClick={() => void preview()}
              data-testid="optical-rule-preview"
            >
              {t('optical.rules.preview')}
            </Button>
            <ActionIcon
              variant="subtle"
              color="red"
              onClick={onRemove}
              aria-label={t('optical.endpoint.remove')}
            >
              ✕
            </ActionIcon>
          </Group>
        </Table.Td>
      </Table.Tr>
      {hits !== null && (
        <Table.Tr>
          <Table.Td colSpan={10} data-testid="optical-rule-hits">
            <Text size="sm" fw={600}>
              {hits.length === 0
                ? t('optical.rules.previewNone')
                : t('optical.rules.previewHits', { count: hits.length })}
            </Text>
            {hits.slice(0, 10).map((hit) => (
              <Text size="xs" key={`${hit.endpointId}:${hit.measureUid}`}>
                {hit.site} · {hit.cardUid} · {format.number(hit.value)} {hit.unit}
              </Text>
            ))}
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

function UnitsCard({
  units,
  onChange,
}: {
  units: OpticalRules['units'];
  onChange: (units: OpticalRules['units']) => void;
}) {
  const { t } = useTranslation();
  const set = (index: number, patch: Partial<OpticalRules['units'][number]>) =>
    onChange(units.map((unit, i) => (i === index ? { ...unit, ...patch } : unit)));
  return (
    <Card withBorder>
      <Text fw={600} mb="xs">
        {t('optical.rules.units')}
      </Text>
      <Stack gap={4}>
        {units.map((unit, index) => (
          <Group key={index} gap="xs">
            <NumberInput
              size="xs"
              w={90}
              placeholder={t('optical.rules.unitKey')}
              value={unit.measureKey ?? ''}
              onChange={(v) => set(index, { measureKey: nullableNumber(v) })}
            />
            <TextInput
              size="xs"
              w={110}
              placeholder={t('optical.rules.unitGroup')}
              value={unit.group ?? ''}
              onChange={(e) => set(index, { group: e.currentTarget.value || null })}
            />
            <TextInput
              size="xs"
              w={80}
              placeholder={t('optical.rules.unit')}
              value={unit.unit}
              onChange={(e) => set(index, { unit: e.currentTarget.value })}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              onClick={() => onChange(units.filter((_, i) => i !== index))}
              aria-label={t('optical.endpoint.remove')}
            >
              ✕
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            size="xs"
            variant="light"
            onClick={() => onChange([...units, { measureKey: null, group: null, unit: '' }])}
          >
            {t('optical.rules.addUnit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The alarm rules: per-model limits with a live preview, rate of change, stale data, card down, units. */
export function RulesPanel({
  config,
  save,
}: {
  config: OpticalConfig;
  save: (input: OpticalConfigInput) => Promise<OpticalConfig>;
}) {
  const { t } = useTranslation();
  const [rules, setRules] = useState<OpticalRules>(config.rules);
  const models = [...new Set(rules.thresholds.map((rule) => rule.cardModel))];
  const severityData = severities.map((value) => ({ value, label: t(`severity.${value}`) }));
  const setThreshold = (index: number, rule: ThresholdRule) =>
    setRules({ ...rules, thresholds: rules.thresholds.map((old, i) => (i === index ? rule : old)) });
  const submit = async () => {
    try {
      const saved = await save({ ...toInput(config), rules });
      setRules(saved.rules);
      notifyOk(t('optical.saved'));
    } catch (error) {
      notifyError(error);
    }
  };
  return (
    <Stack>
      <Card withBorder>
        <Group justify="space-between" mb="xs">
          <Text fw={600}>{t('optical.rules.thresholds')}</Text>
          <Button
            size="xs"
            variant="light"
            onClick={() =>
              setRules({
                ...rules,
                thresholds: [
                  ...rules.thresholds,
                  {
                    id: `rule-${rules.thresholds.length + 1}`,
                    cardModel: models[0] ?? '',
                    measureKey: 7255,
                    condition: 'BELOW',
                    min: -20,
                    max: null,
                    hysteresis: 0.5,
                    severity: 'warning',
                    enabled: true,
                  },
                ],
              })
            }
          >
            {t('optical.rules.add')}
          </Button>
        </Group>
        <Table.ScrollContainer minWidth={1150}>
          <Table data-testid="optical-rules">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('optical.rules.id')}</Table.Th>
                <Table.Th>{t('optical.rules.cardModel')}</Table.Th>
                <Table.Th>{t('optical.rules.measureKey')}</Table.Th>
                <Table.Th>{t('optical.rules.condition')}</Table.Th>
                <Table.Th>{t('optical.rules.min')}</Table.Th>
                <Table.Th>{t('optical.rules.max')}</Table.Th>
                <Table.Th>{t('optical.rules.hysteresis')}</Table.Th>
                <Table.Th>{t('optical.rules.severity')}</Table.Th>
                <Table.Th>{t('optical.rules.enabled')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rules.thresholds.map((rule, index) => (
                <RuleRow
                  key={index}
                  rule={rule}
                  models={models}
                  onChange={(next) => setThreshold(index, next)}
                  onRemove={() =>
                    setRules({ ...rules, thresholds: rules.thresholds.filter((_, i) => i !== index) })
                  }
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <Card withBorder>
        <Text fw={600} mb="xs">
          {t('optical.rules.rate')}
        </Text>
        <Group align="flex-end">
          <Switch
            label={t('optical.rules.rateEnabled')}
            checked={rules.rate.enabled}
            onChange={(e) =>
              setRules({ ...rules, rate: { ...rules.rate, enabled: e.currentTarget.checked } })
            }
          />
          <NumberInput
            label={t('optical.rules.dropDb')}
            w={150}
            min={0.1}
            decimalScale={2}
            value={rules.rate.dropDb}
            onChange={(v) => setRules({ ...rules, rate: { ...rules.rate, dropDb: Number(v) } })}
          />
          <NumberInput
            label={t('optical.rules.windowMinutes')}
            w={130}
            min={5}
            value={rules.rate.windowMinutes}
            onChange={(v) => setRules({ ...rules, rate: { ...rules.rate, windowMinutes: Number(v) } })}
          />
          <NumberInput
            label={t('optical.rules.hysteresis')}
            w={110}
            min={0}
            decimalScale={2}
            value={rules.rate.hysteresis}
            onChange={(v) => setRules({ ...rules, rate: { ...rules.rate, hysteresis: Number(v) } })}
          />
          <Select
            label={t('optical.rules.severity')}
            w={130}
            data={severityData}
            value={rules.rate.severity}
            onChange={(value) =>
              value && setRules({ ...rules, rate: { ...rules.rate, severity: value as Severity } })
            }
          />
        </Group>
        <Group align="flex-end" mt="sm">
          <NumberInput
            label={t('optical.rules.staleMinutes')}
            w={200}
            min={1}
            value={rules.staleMinutes}
            onChange={(v) => setRules({ ...rules, staleMinutes: Number(v) })}
          />
          <Select
            label={t('optical.rules.cardDownSeverity')}
            w={200}
            data={severityData}
            value={rules.cardDownSeverity}
            onChange={(value) => value && setRules({ ...rules, cardDownSeverity: value as Severity })}
          />
          <TextInput
            label={t('optical.rules.criticalKeys')}
            w={320}
            value={rules.criticalKeys.join(', ')}
            onChange={(e) =>
              setRules({
                ...rules,
                criticalKeys: e.currentTarget.value
                  .split(/[\s,;]+/)
                  .filter((part) => /^\d+$/.test(part))
                  .map(Number),
              })
            }
          />
        </Group>
      </Card>
      <UnitsCard units={rules.units} onChange={(units) => setRules({ ...rules, units })} />
      <Group justify="flex-end">
        <Button onClick={() => void submit()} data-testid="optical-rules-save">
          {t('optical.save')}
        </Button>
      </Group>
    </Stack>
  );
}
