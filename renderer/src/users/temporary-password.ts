/** Letters and digits without look-alikes (0/O, 1/l/I): read out over the phone or from a note. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A temporary password of 14 characters (≈ 81 bits), drawn without modulo bias. */
export function generateTemporaryPassword(length = 14): string {
  const chars: string[] = [];
  const limit = 256 - (256 % ALPHABET.length);
  while (chars.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < limit && chars.length < length) chars.push(ALPHABET[byte % ALPHABET.length]!);
    }
  }
  return chars.join('');
}
