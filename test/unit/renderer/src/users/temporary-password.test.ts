import { describe, expect, it } from 'vitest';
import { NewPassword } from '../../../../../shared/contract/accounts';
import { generateTemporaryPassword } from '../../../../../renderer/src/users/temporary-password';

describe('generateTemporaryPassword', () => {
  it('draws 14 characters without look-alikes, accepted by the contract, different every time', () => {
    const drawn = Array.from({ length: 500 }, () => generateTemporaryPassword());
    for (const password of drawn) {
      expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{14}$/);
      expect(NewPassword.safeParse(password).success).toBe(true);
    }
    expect(new Set(drawn).size).toBe(500);
    // Every letter and digit of the alphabet turns up: no byte range left out by the draw.
    expect(new Set(drawn.join('')).size).toBe(56);
  });
});
