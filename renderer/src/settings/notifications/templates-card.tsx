import { Button, Card, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MessageTemplates, NotifyLanguage } from '../../../../shared/contract/notify';
import { defaultTemplates } from '../../../../shared/domain/notify/defaults';
import { errorAt, type FormIssue } from './issues';
import { notifyLanguages } from './language-select';
import { TemplateEditor } from './template-editor';

type Templates = Record<NotifyLanguage, MessageTemplates>;

/** The text of each message line, per language; a destination uses its own language's pair. */
export function TemplatesCard({
  value,
  onChange,
  issues,
}: {
  value: Templates;
  onChange: (value: Templates) => void;
  issues: FormIssue[];
}) {
  const { t, i18n } = useTranslation();
  const first: NotifyLanguage = i18n.language === 'en' ? 'en' : 'pt-BR';
  const hasIssues = (language: NotifyLanguage) =>
    issues.some((issue) => issue.path.startsWith(`templates.${language}.`));
  return (
    <Card withBorder data-testid="notify-templates">
      <Stack>
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={5}>{t('notify.templates.title')}</Title>
            <Text size="xs" c="dimmed">
              {t('notify.templates.help')}
            </Text>
          </div>
          <Button
            size="xs"
            variant="subtle"
            onClick={() =>
              onChange({ 'pt-BR': { ...defaultTemplates['pt-BR'] }, en: { ...defaultTemplates.en } })
            }
            data-testid="templates-restore"
          >
            {t('notify.templates.restore')}
          </Button>
        </Group>
        <Tabs defaultValue={first} keepMounted={false}>
          <Tabs.List>
            {notifyLanguages.map((language) => (
              <Tabs.Tab
                key={language.value}
                value={language.value}
                color={hasIssues(language.value) ? 'red' : undefined}
                rightSection={
                  hasIssues(language.value) ? (
                    <Text c="red" size="xs" aria-label={t('notify.issues.title')}>
                      ●
                    </Text>
                  ) : null
                }
                data-testid={`templates-tab-${language.value}`}
              >
                {language.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {notifyLanguages.map(({ value: language }) => (
            <Tabs.Panel key={language} value={language} pt="sm">
              <TemplateEditor
                language={language}
                value={value[language]}
                onChange={(next) => onChange({ ...value, [language]: next })}
                errors={{
                  raised: errorAt(issues, `templates.${language}.raised`),
                  cleared: errorAt(issues, `templates.${language}.cleared`),
                }}
              />
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
    </Card>
  );
}
