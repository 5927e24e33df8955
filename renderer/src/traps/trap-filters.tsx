import { Button, Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrapLogQuery } from '../../../shared/contract/traps';

export type TrapFilter = Pick<TrapLogQuery, 'source' | 'oid' | 'text' | 'reason' | 'from' | 'to'>;

export const noFilter: TrapFilter = { source: '', oid: '', text: '', reason: null, from: null, to: null };

const OID_PREFIX = /^\.?[\d.]*$/;

/** A datetime-local field's value as ms since the epoch (local time), or null when empty. */
const instant = (value: string): number | null => (value ? new Date(value).getTime() : null);

/** The trap log's search form: applied on Search (or Enter), so typing does not query each key. */
export function TrapFilters({ onSearch }: { onSearch: (filter: TrapFilter) => void }) {
  const { t } = useTranslation();
  const [source, setSource] = useState('');
  const [oid, setOid] = useState('');
  const [text, setText] = useState('');
  const [reason, setReason] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const oidError = OID_PREFIX.test(oid.trim()) ? null : t('traps.badOid');

  const submit = () => {
    if (oidError) return;
    onSearch({
      source,
      oid,
      text,
      reason: reason === 'unknown_trap' || reason === 'unknown_source' ? reason : null,
      from: instant(from),
      to: instant(to),
    });
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('traps.source')}
          placeholder="10.0.0.1"
          value={source}
          onChange={(event) => setSource(event.currentTarget.value)}
          data-testid="trap-filter-source"
        />
        <TextInput
          label={t('traps.oid')}
          placeholder="1.3.6.1.4.1.14988"
          value={oid}
          error={oidError}
          onChange={(event) => setOid(event.currentTarget.value)}
          data-testid="trap-filter-oid"
        />
        <TextInput
          label={t('traps.text')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          data-testid="trap-filter-text"
        />
        <Select
          label={t('traps.reason')}
          clearable
          placeholder={t('traps.anyReason')}
          data={[
            { value: 'unknown_trap', label: t('traps.reasons.unknown_trap') },
            { value: 'unknown_source', label: t('traps.reasons.unknown_source') },
          ]}
          value={reason}
          onChange={setReason}
          data-testid="trap-filter-reason"
        />
        <TextInput
          type="datetime-local"
          label={t('traps.from')}
          value={from}
          onChange={(event) => setFrom(event.currentTarget.value)}
          data-testid="trap-filter-from"
        />
        <TextInput
          type="datetime-local"
          label={t('traps.to')}
          value={to}
          onChange={(event) => setTo(event.currentTarget.value)}
          data-testid="trap-filter-to"
        />
        <Button type="submit" data-testid="trap-search">
          {t('traps.search')}
        </Button>
      </Group>
    </form>
  );
}
