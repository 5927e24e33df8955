import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NotifyLanguage } from '../../../../shared/contract/notify';

export const notifyLanguages: { value: NotifyLanguage; label: string }[] = [
  { value: 'pt-BR', label: 'Português (Brasil)' },
  { value: 'en', label: 'English' },
];

/** The language a destination's messages are written in (its own templates and words). */
export function LanguageSelect({
  value,
  onChange,
  testId,
}: {
  value: NotifyLanguage;
  onChange: (value: NotifyLanguage) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('notify.field.language')}
      data={notifyLanguages}
      value={value}
      onChange={(next) => next && onChange(next as NotifyLanguage)}
      allowDeselect={false}
      data-testid={testId}
    />
  );
}
