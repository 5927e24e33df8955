import { Code, Group, Paper, Stack, Text, Textarea, Tooltip, UnstyledButton } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageTemplates, NotifyLanguage } from '../../../../shared/contract/notify';
import {
  renderEventLine,
  sampleEvent,
  templatePlaceholders,
} from '../../../../shared/domain/notify/template';

type Kind = keyof MessageTemplates;
const kinds: Kind[] = ['raised', 'cleared'];
const MAX_CHARS = 600;

/** Names in braces that no placeholder matches: they would go out as typed. */
export function unknownPlaceholders(template: string): string[] {
  const known = new Set<string>(templatePlaceholders);
  const found = [...template.matchAll(/\{([a-z]+)\}/g)].map((match) => match[1]!);
  return [...new Set(found.filter((name) => !known.has(name)))];
}

/** One language's two lines, each with a live preview on a realistic sample alarm. */
export function TemplateEditor({
  language,
  value,
  onChange,
  errors,
}: {
  language: NotifyLanguage;
  value: MessageTemplates;
  onChange: (value: MessageTemplates) => void;
  errors: Partial<Record<Kind, string>>;
}) {
  const { t } = useTranslation();
  const [now] = useState(() => Date.now());
  const focused = useRef<{ kind: Kind; element: HTMLTextAreaElement } | null>(null);

  /** Puts "{name}" where the caret was in the last template field used (the "raised" one at first). */
  const insert = (name: string) => {
    const target = focused.current;
    const kind = target?.kind ?? 'raised';
    const current = value[kind];
    const start = target?.element.selectionStart ?? current.length;
    const end = target?.element.selectionEnd ?? current.length;
    const token = `{${name}}`;
    onChange({ ...value, [kind]: current.slice(0, start) + token + current.slice(end) });
    if (target)
      requestAnimationFrame(() => {
        target.element.focus();
        target.element.setSelectionRange(start + token.length, start + token.length);
      });
  };

  return (
    <Stack gap="sm">
      <div>
        <Text size="sm" fw={500}>
          {t('notify.templates.placeholders')}
        </Text>
        <Text size="xs" c="dimmed" mb={4}>
          {t('notify.templates.placeholdersHelp')}
        </Text>
        <Group gap={6} data-testid={`template-placeholders-${language}`}>
          {templatePlaceholders.map((name) => (
            <Tooltip key={name} label={t(`notify.placeholder.${name}`)} withArrow>
              <UnstyledButton onClick={() => insert(name)} aria-label={t(`notify.placeholder.${name}`)}>
                <Code>{`{${name}}`}</Code>
              </UnstyledButton>
            </Tooltip>
          ))}
        </Group>
      </div>
      {kinds.map((kind) => {
        const template = value[kind];
        const unknown = unknownPlaceholders(template);
        const preview = template.trim()
          ? renderEventLine(value, sampleEvent(kind, now), language)
          : t('notify.templates.empty');
        return (
          <Stack key={kind} gap={4}>
            <Textarea
              label={t(`notify.templates.${kind}`)}
              description={`${t(`notify.templates.${kind}Help`)} · ${template.length}/${MAX_CHARS}`}
              value={template}
              onChange={(e) => onChange({ ...value, [kind]: e.currentTarget.value })}
              onFocus={(e) => {
                focused.current = { kind, element: e.currentTarget };
              }}
              onSelect={(e) => {
                focused.current = { kind, element: e.currentTarget };
              }}
              error={errors[kind]}
              autosize
              minRows={2}
              maxRows={6}
              spellCheck={false}
              data-testid={`template-${language}-${kind}`}
            />
            {unknown.length > 0 && (
              <Text size="xs" c="orange" data-testid={`template-${language}-${kind}-unknown`}>
                {t('notify.templates.unknown', { names: unknown.map((name) => `{${name}}`).join(', ') })}
              </Text>
            )}
            <Paper withBorder p="xs" bg="var(--mantine-color-default-hover)">
              <Text size="xs" c="dimmed">
                {t('notify.templates.preview')}
              </Text>
              <Text
                size="sm"
                style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
                data-testid={`template-preview-${language}-${kind}`}
              >
                {preview}
              </Text>
            </Paper>
          </Stack>
        );
      })}
    </Stack>
  );
}
