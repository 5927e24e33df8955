import { Alert, Button, Card, Group, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiMethod } from '../../../shared/contract/api';
import { fieldLabel } from '../../../shared/contract/settings-issues';
import type { Language } from '../../../shared/i18n/language';
import { getClient } from '../client';
import { GroupHeading } from './group-heading';
import { errorIssues } from '../client/client-error';
import { notifyError } from '../shared/notify';
import { operatorName } from '../shared/operator';
import {
  changedFields,
  checkDraft,
  draftOf,
  errorsByField,
  isDirty,
  restartFields,
  type GroupDraft,
} from './group-draft';
import { groupFields, type FieldSpec, type FormGroup } from './group-fields';

type Note = { kind: 'live' } | { kind: 'restart'; fields: string[] };

/**
 * One settings group as a form: checked with the contract's rules before sending, the engine's
 * field errors shown at their fields, and after saving, when it takes effect (the next cycle,
 * round or pass) or which fields wait for a restart.
 */
export function GroupForm({ group, stored }: { group: FormGroup; stored: Record<string, unknown> }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const fields = groupFields[group];
  const saved = useMemo(() => draftOf(stored, fields), [stored, fields]);
  const [draft, setDraft] = useState<GroupDraft>(saved);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [note, setNote] = useState<Note | null>(null);
  const [saving, setSaving] = useState(false);

  // Saved elsewhere (another workstation, the tray): the form follows unless being edited.
  useEffect(() => setDraft((current) => (isDirty(current, saved) ? current : saved)), [saved]);

  const edit = (name: string, value: string | boolean) => {
    setDraft((current) => ({ ...current, [name]: value }));
    setErrors(({ [name]: _gone, ...rest }) => rest);
    setNote(null);
  };

  const save = async () => {
    const checked = checkDraft(group, draft, fields, language);
    setErrors(checked.errors);
    if (!checked.value) return;
    setSaving(true);
    try {
      const method = `settings.${group}.set` as Extract<ApiMethod, `settings.${FormGroup}.set`>;
      const value = (await getClient().invoke(method, {
        value: checked.value,
        by: operatorName(),
      } as never)) as Record<string, unknown>;
      const restart = restartFields(group, changedFields(stored, value));
      setNote(restart.length > 0 ? { kind: 'restart', fields: restart } : { kind: 'live' });
      setDraft(draftOf(value, fields));
    } catch (error) {
      const issues = errorIssues(error);
      if (issues.length > 0) setErrors(errorsByField(issues));
      else notifyError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card withBorder data-testid={`settings-${group}`}>
      <Stack>
        <GroupHeading group={group} />
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {fields.map((field) => (
            <FieldInput
              key={field.name}
              field={field}
              label={fieldLabel(language, group, field.name)}
              value={draft[field.name] ?? ''}
              error={errors[field.name]}
              onChange={(value) => edit(field.name, value)}
              testId={`${group}-${field.name}`}
            />
          ))}
        </SimpleGrid>
        {note && (
          <Alert color={note.kind === 'restart' ? 'yellow' : 'green'} data-testid={`settings-${group}-note`}>
            {note.kind === 'restart'
              ? t('settings.restartNeeded', {
                  fields: note.fields.map((name) => fieldLabel(language, group, name)).join(', '),
                })
              : t(`settings.applies.${group}`)}
          </Alert>
        )}
        <Group>
          <Button onClick={() => void save()} loading={saving} data-testid={`settings-${group}-save`}>
            {t('settings.save')}
          </Button>
          <Button
            variant="default"
            disabled={!isDirty(draft, saved)}
            onClick={() => (setDraft(saved), setErrors({}))}
          >
            {t('settings.discard')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function FieldInput({
  field,
  label,
  value,
  error,
  onChange,
  testId,
}: {
  field: FieldSpec;
  label: string;
  value: string | boolean;
  error: string | undefined;
  onChange: (value: string | boolean) => void;
  testId: string;
}) {
  switch (field.kind) {
    case 'switch':
      return (
        <Switch
          label={label}
          checked={value === true}
          error={error}
          onChange={(event) => onChange(event.currentTarget.checked)}
          data-testid={testId}
          mt="lg"
        />
      );
    case 'select':
      return (
        <Select
          label={label}
          data={field.options.map((option) => ({ value: option, label: `v${option}` }))}
          value={String(value)}
          error={error}
          allowDeselect={false}
          onChange={(next) => next !== null && onChange(next)}
          data-testid={testId}
        />
      );
    case 'text':
      return (
        <TextInput
          label={label}
          placeholder={field.placeholder}
          value={String(value)}
          error={error}
          onChange={(event) => onChange(event.currentTarget.value)}
          data-testid={testId}
        />
      );
    case 'number':
      // Typed as text: the contract's check, not the input, says what is wrong with "abc" or "".
      return (
        <TextInput
          label={label}
          inputMode="decimal"
          value={String(value)}
          error={error}
          onChange={(event) => onChange(event.currentTarget.value)}
          data-testid={testId}
        />
      );
  }
}
