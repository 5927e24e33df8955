import { describe, expect, it } from 'vitest';
import {
  assertDestinationAllowed,
  DestinationRefused,
  refusalFor,
} from '../../../../../electron/engine/net/outbound-guard';

// Classification only: no test here opens a connection to any of these addresses.
describe('outbound destinations', () => {
  const strict = { allowLoopback: false };
  const allowing = { allowLoopback: true };

  it('refuses cloud metadata, link-local and unspecified addresses, in any spelling', () => {
    expect(refusalFor('169.254.169.254', allowing)).toBe('metadata');
    expect(refusalFor('::ffff:169.254.169.254', allowing)).toBe('metadata');
    expect(refusalFor('fd00:ec2::254', allowing)).toBe('metadata');
    expect(refusalFor('100.100.100.200', allowing)).toBe('metadata');
    expect(refusalFor('169.254.10.1', allowing)).toBe('linkLocal');
    expect(refusalFor('fe80::1', allowing)).toBe('linkLocal');
    expect(refusalFor('0.0.0.0', allowing)).toBe('unspecified');
    expect(refusalFor('::', allowing)).toBe('unspecified');
  });

  it('accepts loopback only when allowed, and ordinary addresses always', () => {
    expect(refusalFor('127.0.0.1', strict)).toBe('loopback');
    expect(refusalFor('127.8.9.10', strict)).toBe('loopback');
    expect(refusalFor('::1', strict)).toBe('loopback');
    expect(refusalFor('::ffff:127.0.0.1', strict)).toBe('loopback');
    expect(refusalFor('127.0.0.1', allowing)).toBeNull();
    expect(refusalFor('10.20.30.40', strict)).toBeNull();
    expect(refusalFor('2001:db8::1', strict)).toBeNull();
  });

  it('checks literal hosts and localhost without resolving, and words the refusal in both languages', async () => {
    const refused = await assertDestinationAllowed('http://[fe80::1]:8080/x', allowing).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(DestinationRefused);
    expect((refused as DestinationRefused).text('en')).toBe(
      'Address refused (fe80::1): link-local addresses are not accepted.',
    );
    expect((refused as DestinationRefused).text('pt-BR')).toBe(
      'Endereço recusado (fe80::1): endereços link-local não são aceitos.',
    );
    await expect(assertDestinationAllowed('http://localhost:9/', strict)).rejects.toMatchObject({
      reason: 'loopback',
    });
    await expect(assertDestinationAllowed('http://api.localhost/', strict)).rejects.toMatchObject({
      reason: 'loopback',
    });
    await expect(assertDestinationAllowed('http://127.0.0.1:9/', allowing)).resolves.toBeUndefined();
    // Saving settings does not need the name to resolve yet.
    await expect(
      assertDestinationAllowed('https://hooks.example.invalid/', strict, { resolve: false }),
    ).resolves.toBeUndefined();
  });
});
