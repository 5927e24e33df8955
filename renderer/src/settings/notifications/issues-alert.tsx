import { Alert, List, ScrollArea, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormIssue } from './issues';

/** Every problem that keeps the form from being saved, each with where it is. */
export function IssuesAlert({ issues }: { issues: FormIssue[] }) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  return (
    <Alert color="red" title={t('notify.issues.title', { count: issues.length })} data-testid="notify-issues">
      <ScrollArea.Autosize mah={180} type="auto">
        <List size="sm" spacing={2}>
          {issues.map((issue, index) => (
            <List.Item key={`${issue.path}:${index}`} data-testid="notify-issue" data-path={issue.path}>
              <Text span fw={600} size="sm">
                {issue.where}
              </Text>
              {': '}
              {issue.message}
            </List.Item>
          ))}
        </List>
      </ScrollArea.Autosize>
    </Alert>
  );
}
