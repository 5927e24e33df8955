import { expect, test } from '@playwright/test';
import type { Me } from '../../shared/contract/accounts';
import type { Device } from '../../shared/contract/entities';
import type { TopologyView } from '../../shared/contract/topology';
import { call, open } from './demo-server';

/**
 * The Topology page against the demo server, whose neighbour tables are simulated: two sectors
 * are seen on their tower's router rather than the configured switch, and one router sees two
 * neighbours not in the inventory. The parent the test accepts is put back at the end.
 */

const view = () => call('topology.discover', {}) as Promise<TopologyView>;

test('Topology page: disagreements marked, one proposal rejected, one accepted through the inventory', async ({
  page,
}) => {
  const before = await view();
  const proposed = before.proposals.filter((proposal) => proposal.state === 'proposed');
  expect(proposed).toHaveLength(2);
  expect(before.unknown).toHaveLength(2);
  const [first, second] = proposed as [TopologyView['proposals'][number], TopologyView['proposals'][number]];
  const child = (await call('devices.get', { id: first.childId })) as Device;
  const parent = (await call('devices.get', { id: first.parentId })) as Device;
  const configured = child.parentId;

  page.on('dialog', (dialog) => void dialog.accept());
  await open(page, 'topology');
  await expect(page.getByRole('heading', { name: 'Topologia' })).toBeVisible();
  await expect(page.getByTestId('topology-count-unknown')).toContainText('2');
  await expect(page.getByTestId('topology-count-disagreeing')).toContainText('2');
  await expect(page.getByTestId('topology-disagrees')).toHaveCount(2);
  await expect(page.getByTestId(`topology-node-${first.childId}`)).toContainText(
    `vizinhos indicam: ${parent.name}`,
  );
  await expect(page.getByTestId('topology-sentence').first()).toHaveText(
    `${child.name} depende de ${parent.name}, visto por LLDP na porta ${first.port}`,
  );
  await expect(page.getByTestId('topology-unmatched')).toContainText('192.0.2.10');
  await page.screenshot({ path: 'test-results/topology-page.png', fullPage: true });

  try {
    // Rejected: stays rejected at the next discovery, the neighbour data being the same.
    await page.getByTestId('topology-proposal').nth(1).getByTestId('topology-reject').click();
    await expect(page.getByTestId('topology-proposal')).toHaveCount(1);
    const again = await view();
    // Decided by the caller the engine established: on the demo's own store, this computer's user.
    const me = (await call('account.me', undefined)) as Me;
    expect(again.proposals.find((p) => p.childId === second.childId)).toMatchObject({
      state: 'rejected',
      decidedBy: me.name,
    });

    // Accepted (ticked, then the bulk button): the parent is set through the inventory.
    await page.getByTestId('topology-tick-all').check();
    await page.getByTestId('topology-accept-selected').click();
    await expect(page.getByTestId('topology-no-proposals')).toBeVisible();
    await expect
      .poll(async () => ((await call('devices.get', { id: first.childId })) as Device).parentId)
      .toBe(first.parentId);
    // The accepted one agrees now; the rejected one still disagrees with the tree, and says so.
    await expect(page.getByTestId('topology-disagrees')).toHaveCount(1);
    await expect(page.getByTestId(`topology-node-${second.childId}`)).toContainText('vizinhos indicam');
    await page.getByTestId('topology-state-filter').getByText('Aceitas (1)').click();
    await expect(page.getByTestId('topology-sentence')).toHaveCount(1);
  } finally {
    await call('devices.update', { id: first.childId, patch: { parentId: configured } });
  }
});

test('Topology page in English', async ({ page }) => {
  await call('settings.ui.set', { value: { language: 'en' } });
  try {
    await open(page, 'topology');
    await expect(page.getByRole('heading', { name: 'Topology' })).toBeVisible();
    await expect(page.getByTestId('topology-count-unknown')).toContainText('Neighbours not in the inventory');
    await expect(page.getByTestId('topology-unmatched')).toContainText('not in the inventory: no proposal');
  } finally {
    await call('settings.ui.set', { value: { language: 'pt-BR' } });
  }
});
