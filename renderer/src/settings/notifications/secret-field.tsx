import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecretHint } from '../../../../shared/contract/notify';

/** "…abcd" whether the engine sends the last characters bare or already with the ellipsis. */
export const formatHint = (hint: string | null): string =>
  !hint ? '' : /^(…|\.\.\.)/.test(hint) ? hint : `…${hint}`;

/**
 * A write-only secret: the engine never sends it back, only whether it is set and its last
 * characters. Typing replaces it on save; "remove" clears it on save (and can be undone).
 */
export function SecretField({
  label,
  description,
  hint,
  value,
  removing,
  onChange,
  error,
  testId,
  removeLabel,
}: {
  label: string;
  description?: ReactNode;
  hint: SecretHint | undefined;
  value: string;
  removing: boolean;
  /** One call per edit: typing a secret cancels a pending removal, removing clears what was typed. */
  onChange: (next: { value: string; removing: boolean }) => void;
  error?: string;
  testId: string;
  removeLabel: string;
}) {
  const { t } = useTranslation();
  const stored = hint?.set === true;
  const typed = value.trim() !== '';
  const status = removing
    ? t('notify.secret.willRemove')
    : typed
      ? t(stored ? 'notify.secret.willReplace' : 'notify.secret.willSet')
      : stored
        ? t('notify.secret.set', { hint: formatHint(hint?.hint ?? null) }).trim()
        : t('notify.secret.notSet');
  return (
    <Stack gap={4}>
      <PasswordInput
        label={label}
        description={description}
        placeholder={stored && !removing ? t('notify.secret.keepPlaceholder') : undefined}
        value={value}
        onChange={(e) => {
          const typed = e.currentTarget.value;
          onChange({ value: typed, removing: typed ? false : removing });
        }}
        error={error}
        autoComplete="new-password"
        spellCheck={false}
        data-testid={testId}
      />
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Text
          size="xs"
          c={removing || typed ? 'orange' : stored ? 'green' : 'dimmed'}
          data-testid={`${testId}-hint`}
          data-set={stored && !removing ? 'true' : 'false'}
        >
          {status}
        </Text>
        {stored && (
          <Button
            size="compact-xs"
            variant="subtle"
            color={removing ? 'gray' : 'red'}
            onClick={() => onChange({ value: removing ? value : '', removing: !removing })}
            data-testid={`${testId}-remove`}
          >
            {removing ? t('notify.secret.undoRemove') : removeLabel}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
