import { createSocket } from 'node:dgram';
import { expect, test } from '@playwright/test';
import * as snmp from 'net-snmp';
import type { TrapCounts } from '../../shared/contract/traps';
import { call, open } from './demo-server';

/**
 * The SNMP traps page against the demo server: real v2c traps sent over loopback to the demo's
 * receiver (moved to a port of this process's own, since 162 may be another run's), from an
 * address the demo inventory does not hold, plus a datagram that is no SNMP at all.
 */

const trapPort = 20_000 + (process.pid % 20_000);
const VENDOR = '1.3.6.1.4.1.14988.1.99';

const stats = () => call('snmp.traps.stats', {}) as Promise<TrapCounts>;

async function sendTrap(oid: string, varbinds: snmp.Varbind[]): Promise<void> {
  const session = snmp.createSession('127.0.0.1', 'public', {
    trapPort,
    version: snmp.Version2c,
    sourceAddress: '127.0.0.1',
  });
  try {
    await new Promise<void>((sent, failed) =>
      session.trap(oid, varbinds, (error: Error | null) => (error ? failed(error) : sent())),
    );
  } finally {
    session.close();
  }
}

test.beforeAll(async () => {
  await call('settings.snmp.set', { value: { trapPort } });
  await expect.poll(async () => (await stats()).port).toBe(trapPort);
  for (let i = 1; i <= 3; i++)
    await sendTrap(`${VENDOR}.${i}`, [
      { oid: `${VENDOR}.${i}.1`, type: snmp.ObjectType.OctetString, value: `Falha na fonte ${i}` },
      { oid: `${VENDOR}.${i}.2`, type: snmp.ObjectType.Integer, value: 40 + i },
    ]);
  const socket = createSocket('udp4');
  await new Promise((sent) => socket.send('not SNMP at all', trapPort, '127.0.0.1', sent));
  socket.close();
  await expect.poll(async () => (await stats()).malformed).toBeGreaterThanOrEqual(1);
  await expect.poll(async () => (await stats()).logged).toBeGreaterThanOrEqual(3);
});

test.afterAll(async () => {
  await call('settings.snmp.set', { value: { trapPort: 162 } });
});

test('Traps page: counters, search by text and OID, varbinds shown, a bad OID refused', async ({ page }) => {
  const before = await stats();
  await open(page, 'traps');
  await expect(page.getByRole('heading', { name: 'Traps SNMP' })).toBeVisible();
  await expect(page.getByTestId('trap-listening')).toHaveText(`Ouvindo na porta UDP ${trapPort}`);
  await expect(page.getByTestId('trap-count-unknownSource')).toContainText(String(before.unknownSource));
  await expect(page.getByTestId('trap-count-malformed')).toContainText(String(before.malformed));

  await page.getByTestId('trap-filter-text').fill('FONTE 2');
  await page.getByTestId('trap-search').click();
  await expect(page.getByTestId('trap-row')).toHaveCount(1);
  await expect(page.getByTestId('trap-row')).toContainText(`${VENDOR}.2`);
  await expect(page.getByTestId('trap-row')).toContainText('Remetente fora do inventário');
  await page.getByTestId('trap-row').click();
  const varbinds = page.getByTestId('trap-varbinds');
  await expect(varbinds).toContainText(`${VENDOR}.2.1`);
  await expect(varbinds).toContainText('Falha na fonte 2');
  await expect(varbinds).toContainText('42');

  await page.getByTestId('trap-filter-text').fill('');
  await page.getByTestId('trap-filter-oid').fill(VENDOR);
  await page.getByTestId('trap-filter-source').fill('127.0.0.1');
  await page.getByTestId('trap-search').click();
  await expect(page.getByTestId('trap-row')).toHaveCount(3);
  await expect(page.getByTestId('trap-matched')).toContainText('3 encontrados');
  await page.screenshot({ path: 'test-results/traps-page.png', fullPage: true });

  await page.getByTestId('trap-filter-oid').fill('mikrotik');
  await expect(page.getByText('Use só números e pontos, como 1.3.6.1.4.1.14988')).toBeVisible();
});

test('Traps page in English', async ({ page }) => {
  await call('settings.ui.set', { value: { language: 'en' } });
  try {
    await open(page, 'traps');
    await expect(page.getByRole('heading', { name: 'SNMP traps' })).toBeVisible();
    await expect(page.getByTestId('trap-count-rateLimited')).toContainText('Dropped by rate limit');
    await expect(page.getByTestId('trap-row').first()).toContainText('Sender not in the inventory');
  } finally {
    await call('settings.ui.set', { value: { language: 'pt-BR' } });
  }
});
