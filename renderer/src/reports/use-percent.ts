import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Availability as SLAs state it, three decimals ("99,667 %"); a dash when nothing was monitored. */
export function usePercent(): (value: number | null) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const number = new Intl.NumberFormat(i18n.language, {
      minimumFractionDigits: 3,
      maximumFractionDigits: 3,
    });
    return (value) => (value === null ? '—' : `${number.format(value)} %`);
  }, [i18n.language]);
}
