import type { ParentLinkProposal } from '../../contract/topology';
import type { ParentProposal } from './propose';

const keyOf = (proposal: { childId: number; parentId: number }) => `${proposal.childId}>${proposal.parentId}`;

/**
 * The stored proposals after a discovery found `fresh`. A rejected proposal stays rejected while
 * the neighbour data behind it (who saw the link, by which protocol, on which port) is the same,
 * and is proposed again once it changes; an accepted one proposed again means the configured
 * parent was changed since, so it is asked again. Proposals no longer seen are dropped, except
 * decided ones, kept so that a rejection outlives a link that comes and goes.
 */
export function mergeProposals(
  stored: readonly ParentLinkProposal[],
  fresh: readonly ParentProposal[],
  at: number,
): ParentLinkProposal[] {
  const before = new Map(stored.map((proposal) => [keyOf(proposal), proposal]));
  const merged = new Map<string, ParentLinkProposal>();
  for (const { childId, parentId, evidence } of fresh) {
    const old = before.get(keyOf({ childId, parentId }));
    const same =
      old !== undefined &&
      old.observerId === evidence.observerId &&
      old.protocol === evidence.protocol &&
      old.port === evidence.port;
    merged.set(
      keyOf({ childId, parentId }),
      same && old.state !== 'accepted'
        ? old
        : {
            childId,
            parentId,
            observerId: evidence.observerId,
            protocol: evidence.protocol,
            port: evidence.port,
            state: 'proposed',
            seenAt: same ? old.seenAt : at,
            decidedBy: null,
            decidedAt: null,
          },
    );
  }
  for (const [key, old] of before) if (!merged.has(key) && old.state !== 'proposed') merged.set(key, old);
  return [...merged.values()];
}
