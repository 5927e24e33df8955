import {
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_POLLER_GROUP } from '../../../shared/contract/cluster';
import { severities } from '../../../shared/contract/vocabulary';
import { PollerGroupSelect } from '../settings/poller-group-select';
import {
  defaultResolvers,
  type SyntheticCheck,
  type SyntheticCheckInput,
} from '../../../shared/contract/synthetic';
import { dnsRecordTypes, type ProbeSpecInput } from '../../../shared/contract/synthetic-worker';

type Kind = ProbeSpecInput['kind'];

interface Draft {
  name: string;
  kind: Kind;
  query: string;
  recordType: string;
  resolvers: string;
  expectAnswer: string;
  url: string;
  expectStatus: number | string;
  expectText: string;
  ignoreTlsErrors: boolean;
  host: string;
  port: number | string;
  intervalS: number | string;
  timeoutMs: number | string;
  severity: string;
  enabled: boolean;
  uplink: boolean;
  groupId: number;
}

function draftOf(check: SyntheticCheck | null): Draft {
  const spec = check?.spec;
  return {
    name: check?.name ?? '',
    kind: spec?.kind ?? 'http',
    query: spec?.kind === 'dns' ? spec.query : '',
    recordType: spec?.kind === 'dns' ? spec.recordType : 'A',
    resolvers: spec?.kind === 'dns' ? spec.resolvers.join('\n') : defaultResolvers.join('\n'),
    expectAnswer: spec?.kind === 'dns' ? (spec.expectAnswer ?? '') : '',
    url: spec?.kind === 'http' ? spec.url : 'https://',
    expectStatus: spec?.kind === 'http' ? spec.expectStatus : 200,
    expectText: spec?.kind === 'http' ? (spec.expectText ?? '') : '',
    ignoreTlsErrors: spec?.kind === 'http' ? spec.ignoreTlsErrors : false,
    host: spec?.kind === 'tcp' ? spec.host : '',
    port: spec?.kind === 'tcp' ? spec.port : 443,
    intervalS: check?.intervalS ?? 300,
    timeoutMs: check?.timeoutMs ?? 5_000,
    severity: check?.severity ?? 'major',
    enabled: check?.enabled ?? true,
    uplink: check?.uplink ?? false,
    groupId: check?.groupId ?? DEFAULT_POLLER_GROUP,
  };
}

function specOf(draft: Draft): ProbeSpecInput {
  switch (draft.kind) {
    case 'dns':
      return {
        kind: 'dns',
        query: draft.query,
        recordType: draft.recordType as (typeof dnsRecordTypes)[number],
        resolvers: draft.resolvers
          .split(/[\s,]+/)
          .map((resolver) => resolver.trim())
          .filter(Boolean),
        expectAnswer: draft.expectAnswer.trim() || null,
      };
    case 'http':
      return {
        kind: 'http',
        url: draft.url,
        expectStatus: Number(draft.expectStatus),
        expectText: draft.expectText || null,
        ignoreTlsErrors: draft.ignoreTlsErrors,
      };
    case 'tcp':
      return { kind: 'tcp', host: draft.host, port: Number(draft.port) };
  }
}

/** Creates or edits a check; the engine validates it and answers a refusal with its reason. */
export function SyntheticForm(props: {
  check: SyntheticCheck | null;
  onClose(): void;
  onSave(input: SyntheticCheckInput): Promise<string | null>;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => draftOf(props.check));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((old) => ({ ...old, [key]: value }));

  const save = async () => {
    setBusy(true);
    const failure = await props.onSave({
      name: draft.name,
      spec: specOf(draft),
      intervalS: Number(draft.intervalS),
      timeoutMs: Number(draft.timeoutMs),
      severity: draft.severity as SyntheticCheckInput['severity'],
      enabled: draft.enabled,
      uplink: draft.uplink,
      groupId: draft.groupId,
    } as SyntheticCheckInput);
    setBusy(false);
    setError(failure);
  };

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={t(props.check ? 'synthetic.edit' : 'synthetic.add')}
      size="lg"
    >
      <Stack gap="sm">
        <TextInput
          label={t('synthetic.name')}
          value={draft.name}
          onChange={(event) => set('name', event.currentTarget.value)}
          data-testid="synthetic-name"
        />
        <SegmentedControl
          value={draft.kind}
          onChange={(value) => set('kind', value as Kind)}
          data={(['http', 'dns', 'tcp'] as const).map((kind) => ({
            value: kind,
            label: t(`synthetic.kinds.${kind}`),
          }))}
          data-testid="synthetic-kind"
        />
        {draft.kind === 'dns' && (
          <>
            <TextInput
              label={t('synthetic.query')}
              value={draft.query}
              onChange={(e) => set('query', e.currentTarget.value)}
            />
            <Select
              label={t('synthetic.recordType')}
              data={[...dnsRecordTypes]}
              value={draft.recordType}
              onChange={(value) => set('recordType', value ?? 'A')}
            />
            <Textarea
              label={t('synthetic.resolvers')}
              autosize
              minRows={2}
              value={draft.resolvers}
              onChange={(e) => set('resolvers', e.currentTarget.value)}
            />
            <TextInput
              label={t('synthetic.expectAnswer')}
              value={draft.expectAnswer}
              onChange={(e) => set('expectAnswer', e.currentTarget.value)}
            />
          </>
        )}
        {draft.kind === 'http' && (
          <>
            <TextInput
              label={t('synthetic.url')}
              value={draft.url}
              onChange={(e) => set('url', e.currentTarget.value)}
              data-testid="synthetic-url"
            />
            <Group grow>
              <NumberInput
                label={t('synthetic.expectStatus')}
                min={100}
                max={599}
                value={draft.expectStatus}
                onChange={(value) => set('expectStatus', value)}
              />
              <TextInput
                label={t('synthetic.expectText')}
                value={draft.expectText}
                onChange={(e) => set('expectText', e.currentTarget.value)}
              />
            </Group>
            <Checkbox
              label={t('synthetic.ignoreTlsErrors')}
              checked={draft.ignoreTlsErrors}
              onChange={(e) => set('ignoreTlsErrors', e.currentTarget.checked)}
            />
          </>
        )}
        {draft.kind === 'tcp' && (
          <Group grow>
            <TextInput
              label={t('synthetic.host')}
              value={draft.host}
              onChange={(e) => set('host', e.currentTarget.value)}
            />
            <NumberInput
              label={t('synthetic.port')}
              min={1}
              max={65_535}
              value={draft.port}
              onChange={(value) => set('port', value)}
            />
          </Group>
        )}
        <Group grow>
          <NumberInput
            label={t('synthetic.intervalS')}
            min={30}
            max={86_400}
            value={draft.intervalS}
            onChange={(value) => set('intervalS', value)}
          />
          <NumberInput
            label={t('synthetic.timeoutMs')}
            min={500}
            max={30_000}
            step={500}
            value={draft.timeoutMs}
            onChange={(value) => set('timeoutMs', value)}
          />
          <Select
            label={t('synthetic.severity')}
            data={severities.map((severity) => ({ value: severity, label: t(`severity.${severity}`) }))}
            value={draft.severity}
            onChange={(value) => set('severity', value ?? 'major')}
          />
        </Group>
        <Switch
          label={t('synthetic.enabled')}
          checked={draft.enabled}
          onChange={(e) => set('enabled', e.currentTarget.checked)}
        />
        <Switch
          label={t('synthetic.uplink')}
          description={t('synthetic.uplinkHint')}
          checked={draft.uplink}
          onChange={(e) => set('uplink', e.currentTarget.checked)}
          data-testid="synthetic-uplink"
        />
        <PollerGroupSelect
          value={draft.groupId}
          onChange={(group) => set('groupId', group)}
          testId="synthetic-group"
        />
        {error && (
          <div
            role="alert"
            style={{ color: 'var(--mantine-color-red-6)' }}
            data-testid="synthetic-form-error"
          >
            {error}
          </div>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('synthetic.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={busy} data-testid="synthetic-save">
            {t('synthetic.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
