import { defineCatalog } from '../catalog';

/** SLA reports: what the engine and the server answer when a report cannot be made. */
export const reportsMessages = defineCatalog({
  'pt-BR': {
    'reports.invalidRange': 'Período inválido: o fim deve vir depois do início, em até {days} dias.',
    'reports.pdfDesktopOnly':
      'O PDF pela impressão da página existe só no aplicativo; no servidor use /reports/pdf.',
    'reports.pdfNoBrowser':
      'Não foi possível gerar o PDF: nenhum Chromium encontrado neste servidor (instale o pacote chromium ou defina VIGIA_CHROMIUM).',
    'reports.pdfFailed':
      'Não foi possível gerar o PDF do relatório; o detalhe foi registrado no log do servidor.',
  },
  en: {
    'reports.invalidRange': 'Invalid range: the end must come after the start, within {days} days.',
    'reports.pdfDesktopOnly':
      'The PDF from the page’s print path exists in the desktop app only; on the server use /reports/pdf.',
    'reports.pdfNoBrowser':
      'Could not make the PDF: no Chromium found on this server (install the chromium package or set VIGIA_CHROMIUM).',
    'reports.pdfFailed': 'Could not make the report’s PDF; the detail is in the server’s log.',
  },
});
