import type { ParentLinkProposal } from '../../../../shared/contract/topology';
import type { Repository } from '../repository';
import { chunksFor } from '../writer';
import type { RepoContext } from './context';

const COLUMNS = 9;

export function topologyRepository({ dialect, writer }: RepoContext): Repository['topology'] {
  const { db, tables } = dialect;
  const t = tables.topologyProposals;
  return {
    proposals: async () => (await db.select().from(t)) as ParentLinkProposal[],
    replaceProposals: (proposals) =>
      writer.run(() =>
        dialect.transaction(async (tx) => {
          await tx.delete(t);
          for (const chunk of chunksFor([...proposals], COLUMNS, dialect.maxParams))
            await tx.insert(t).values(chunk);
        }),
      ),
  };
}
