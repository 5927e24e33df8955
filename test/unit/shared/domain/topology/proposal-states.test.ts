import { describe, expect, it } from 'vitest';
import type { ParentLinkProposal } from '../../../../../shared/contract/topology';
import { mergeProposals } from '../../../../../shared/domain/topology/proposal-states';
import type { ParentProposal } from '../../../../../shared/domain/topology/propose';

const fresh = (childId: number, parentId: number, port = 'ether3'): ParentProposal => ({
  childId,
  parentId,
  configuredParentId: null,
  evidence: { observerId: parentId, protocol: 'lldp', port },
});

const stored = (
  childId: number,
  parentId: number,
  state: ParentLinkProposal['state'],
  port = 'ether3',
): ParentLinkProposal => ({
  childId,
  parentId,
  observerId: parentId,
  protocol: 'lldp',
  port,
  state,
  seenAt: 1_000,
  decidedBy: state === 'proposed' ? null : 'ana',
  decidedAt: state === 'proposed' ? null : 1_500,
});

describe('proposal states across discoveries', () => {
  it('keeps a rejection while the neighbour data is the same, and asks again once it changes', () => {
    const rejected = stored(4, 2, 'rejected');
    expect(mergeProposals([rejected], [fresh(4, 2)], 9_000)).toEqual([rejected]);
    expect(mergeProposals([rejected], [fresh(4, 2, 'ether5')], 9_000)).toEqual([
      { ...stored(4, 2, 'proposed', 'ether5'), seenAt: 9_000 },
    ]);
  });

  it('adds new proposals, keeps open ones as first seen, drops open ones no longer seen, keeps decided ones', () => {
    const merged = mergeProposals(
      [
        stored(4, 2, 'proposed'),
        stored(5, 2, 'proposed'),
        stored(6, 1, 'accepted'),
        stored(7, 1, 'rejected'),
      ],
      [fresh(4, 2), fresh(8, 3)],
      9_000,
    );
    expect(merged).toEqual([
      stored(4, 2, 'proposed'),
      { ...stored(8, 3, 'proposed'), seenAt: 9_000 },
      stored(6, 1, 'accepted'),
      stored(7, 1, 'rejected'),
    ]);
  });

  it('asks again about an accepted link proposed anew (its parent was changed since)', () => {
    expect(mergeProposals([stored(6, 1, 'accepted')], [fresh(6, 1)], 9_000)).toEqual([
      { ...stored(6, 1, 'proposed'), seenAt: 1_000 },
    ]);
  });
});
