import { Alert, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  importFields,
  missingFields,
  type ColumnMapping,
  type ImportField,
} from '../../../shared/domain/import/columns';
import type { ReadSummary } from './import-protocol';

const IGNORE = '-';

/**
 * The column-mapping step: each column whose name no alias knows gets a choice of field (or none);
 * columns without a name are said to be left out; missing required fields are named.
 */
export function ImportMapping({
  reading,
  mapping,
  onChange,
}: {
  reading: ReadSummary;
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
}) {
  const { t } = useTranslation();
  const { unknown, unnamed } = reading.headerReading;
  const missing = missingFields(mapping);
  if (unknown.length === 0 && unnamed.length === 0 && missing.length === 0) return null;
  const taken = new Set(mapping.filter(Boolean));
  const choose = (column: number, value: string | null) =>
    onChange(
      mapping.map((field, i) => (i === column ? (value === IGNORE ? null : (value as ImportField)) : field)),
    );
  return (
    <Stack gap="xs" data-testid="import-mapping">
      {missing.length > 0 && (
        <Alert color="red" data-testid="import-missing">
          {t('import.mapping.missing', {
            fields: missing.map((field) => t(`import.field.${field}`)).join(', '),
          })}
        </Alert>
      )}
      {unnamed.map((column) => (
        <Text key={column} size="sm" c="orange">
          {t('import.mapping.unnamed', { column: column + 1 })}
        </Text>
      ))}
      <SimpleGrid cols={2}>
        {unknown.map((column) => (
          <Select
            key={column}
            label={t('import.mapping.unknown', {
              header: reading.header[column],
              sample: reading.sample[column] ?? '',
            })}
            data={[
              { value: IGNORE, label: t('import.mapping.ignore') },
              ...importFields
                .filter((field) => field === mapping[column] || !taken.has(field))
                .map((field) => ({ value: field, label: t(`import.field.${field}`) })),
            ]}
            value={mapping[column] ?? IGNORE}
            onChange={(value) => choose(column, value)}
            allowDeselect={false}
            data-testid={`import-map-${column}`}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
