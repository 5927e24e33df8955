/** How the bytes of a text file were written, as the import shows it. */
export type TextEncoding = 'utf-8-bom' | 'utf-8' | 'windows-1252';

export type DecodedText =
  { ok: true; text: string; encoding: TextEncoding } | { ok: false; reason: 'binary' };

/** Share of control characters past which a file is not text (a spreadsheet or an image renamed .csv). */
const MAX_CONTROL_SHARE = 0.01;
const SNIFF_BYTES = 64 * 1024;

/**
 * Decodes a CSV as Excel writes it: UTF-8 with a BOM ("CSV UTF-8"), plain UTF-8, or Windows-1252
 * (Excel's "CSV" in a Portuguese Windows). Bytes that are not valid UTF-8 are read as Windows-1252,
 * which maps every byte, so only a look at the characters can tell a binary file.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (looksBinary(bytes.subarray(0, SNIFF_BYTES))) return { ok: false, reason: 'binary' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bom)
    return { ok: true, text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { ok: true, text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

function looksBinary(sample: Uint8Array): boolean {
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    // Tab, line feed, carriage return and form feed are text.
    if (byte < 0x20 && byte !== 9 && byte !== 10 && byte !== 13 && byte !== 12) control++;
  }
  return sample.length > 0 && control / sample.length > MAX_CONTROL_SHARE;
}

/** An `.xlsx` is a zip archive: it starts with "PK\x03\x04". */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
