import {
  Alert,
  Badge,
  Button,
  Checkbox,
  FileButton,
  Group,
  Loader,
  Modal,
  Stack,
  Switch,
  Text,
  Textarea,
} from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import type { ColumnMapping } from '../../../shared/domain/import/columns';
import type { ImportPlan } from '../../../shared/domain/import/plan';
import type { CsvDelimiter } from '../../../shared/domain/import/table';
import { getClient } from '../client';
import { useLive } from '../live/use-live';
import { notifyError, notifyOk } from '../shared/notify';
import { downloadTemplate, oversized } from './import-files';
import { ImportMapping } from './import-mapping';
import { ImportPreview } from './import-preview';
import type { ImportAnswer } from './import-protocol';
import { ImportWorkerClient } from './import-worker-client';

type Reading = Extract<ImportAnswer, { type: 'read' }>['reading'];
const delimiterName: Record<CsvDelimiter, string> = {
  ';': 'semicolon',
  ',': 'comma',
  '\t': 'tab',
  '|': 'pipe',
};

/**
 * Import of devices and towers from a CSV or an .xlsx: the file is read and every row checked in
 * a worker (the page stays responsive with 20,000 rows), the preview gives each row's reasons in
 * the operator's language, and nothing is written until the operator confirms; then the ready
 * rows and the new towers go in one transaction.
 */
export function ImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { store } = useLive();
  const worker = useMemo(() => new ImportWorkerClient(), []);
  useEffect(() => () => worker.dispose(), [worker]);
  const [reading, setReading] = useState<Reading | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [createTowers, setCreateTowers] = useState(true);
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [busy, setBusy] = useState(false);
  const [writing, setWriting] = useState(false);

  const refuse = (message: string) => {
    setReading(null);
    setPlan(null);
    setRefusal(message);
  };

  const read = async (bytes: ArrayBuffer) => {
    setBusy(true);
    setRefusal(null);
    setPlan(null);
    try {
      const answer = await worker.read(bytes);
      if (!answer.ok) {
        const mb = (n: number) => Math.round(n / 1024 / 1024);
        if (answer.reason === 'tooLarge')
          refuse(t('import.problem.tooLarge', { size: mb(answer.bytes), max: mb(answer.max) }));
        else if (answer.reason === 'tooManyRows')
          refuse(
            t('import.problem.tooManyRows', {
              rows: format.number(answer.rows),
              max: format.number(answer.max),
            }),
          );
        else refuse(t(`import.problem.${answer.reason}`));
        return;
      }
      setReading(answer);
      setMapping(answer.headerReading.mapping);
    } catch {
      refuse(t('import.problem.failed'));
    } finally {
      setBusy(false);
    }
  };

  const choose = (file: File | null) => {
    if (!file) return;
    const tooLarge = oversized(file);
    if (tooLarge) return refuse(t('import.problem.tooLarge', tooLarge));
    void file.arrayBuffer().then(read);
  };

  useEffect(() => {
    if (!reading?.ok) return;
    let current = true;
    setBusy(true);
    const inventory = {
      towers: [...store.towers.values()].map(({ id, name, code }) => ({ id, name, code })),
      devices: [...store.devices.values()].map(({ id, name, host }) => ({ id, name, host })),
    };
    worker
      .plan(mapping, inventory, createTowers)
      .then((next) => current && setPlan(next))
      .catch(() => current && refuse(t('import.problem.failed')))
      .finally(() => current && setBusy(false));
    return () => {
      current = false;
    };
    // The inventory is read when the file or the choices change, not on every live update.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reading, mapping, createTowers, worker]);

  const confirm = async () => {
    if (!plan) return;
    setWriting(true);
    try {
      const written = await getClient().invoke('inventory.import', plan.request);
      notifyOk(t('import.done', written));
      onClose();
    } catch (error) {
      notifyError(error);
    } finally {
      setWriting(false);
    }
  };

  const invalid = plan ? plan.rows.length - plan.valid : 0;
  const warned = plan ? plan.rows.filter((row) => row.warnings.length > 0).length : 0;
  const shown =
    plan && onlyProblems ? plan.rows.filter((row) => row.reasons.length || row.warnings.length) : plan?.rows;

  return (
    <Modal opened onClose={onClose} title={t('import.title')} size="xl">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('import.help')}
        </Text>
        <Group>
          <FileButton accept=".csv,.txt,.xlsx,text/csv" onChange={choose}>
            {(props) => (
              <Button {...props} data-testid="import-file">
                {t('import.chooseFile')}
              </Button>
            )}
          </FileButton>
          <Button variant="subtle" onClick={() => downloadTemplate('pt-BR')} data-testid="import-template-pt">
            {t('import.templatePt')}
          </Button>
          <Button variant="subtle" onClick={() => downloadTemplate('en')} data-testid="import-template-en">
            {t('import.templateEn')}
          </Button>
          {busy && <Loader size="sm" aria-label={t('import.reading')} />}
        </Group>
        <Textarea
          minRows={3}
          autosize
          maxRows={6}
          placeholder={t('import.paste')}
          onChange={(e) => {
            const text = e.currentTarget.value;
            if (text.trim()) void read(new TextEncoder().encode(text).buffer);
          }}
          data-testid="import-text"
        />
        {refusal && (
          <Alert color="red" data-testid="import-refusal">
            {refusal}
          </Alert>
        )}
        {reading?.ok && (
          <Group gap="xs" data-testid="import-source">
            <Badge variant="light">
              {reading.source.format === 'xlsx'
                ? t('import.xlsx')
                : t('import.csv', {
                    encoding: t(`import.encoding.${reading.source.encoding}`),
                    delimiter: t(`import.delimiter.${delimiterName[reading.source.delimiter]}`),
                  })}
            </Badge>
            {plan?.decimalComma && <Badge variant="light">{t('import.decimalComma')}</Badge>}
          </Group>
        )}
        {reading?.ok && <ImportMapping reading={reading} mapping={mapping} onChange={setMapping} />}
        {plan && plan.newTowers.length > 0 && (
          <Checkbox
            checked={createTowers}
            onChange={(e) => setCreateTowers(e.currentTarget.checked)}
            label={t('import.createTowers', {
              count: plan.newTowers.length,
              names: plan.newTowers.map((tower) => tower.name).join(', '),
            })}
            data-testid="import-create-towers"
          />
        )}
        {plan && (
          <>
            <Alert color={invalid === 0 ? 'green' : 'yellow'} data-testid="import-summary">
              {t('import.summary', { valid: plan.valid, invalid, warned })}
            </Alert>
            <Switch
              checked={onlyProblems}
              onChange={(e) => setOnlyProblems(e.currentTarget.checked)}
              label={t('import.onlyProblems')}
            />
            <ImportPreview rows={shown ?? []} />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('devices.cancel')}
          </Button>
          <Button
            disabled={!plan || plan.valid === 0 || busy}
            loading={writing}
            onClick={() => void confirm()}
            data-testid="import-confirm"
          >
            {t('import.confirm', { count: plan?.valid ?? 0 })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
