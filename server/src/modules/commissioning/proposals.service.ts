import type { DataSource } from 'typeorm';
import type { Viewer } from '../auth/viewer';
import { CommissioningProposalEntity } from './commissioning-proposal.entity';

/** Most proposals one list holds: the newest. */
export const MAX_PROPOSALS = 200;

/** Reading proposals: one statement each; the rest of a proposal comes through the request's loaders. */
export class ProposalsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The partnership's proposals, newest first, after the caller's access and partnership are checked. */
  list(viewer: Viewer): Promise<CommissioningProposalEntity[]> {
    return this.dataSource.getRepository(CommissioningProposalEntity).find({
      where: { partnershipId: viewer.partnershipId }, order: { createdAt: 'DESC', id: 'ASC' }, take: MAX_PROPOSALS });
  }

  /** One proposal of the viewer's partnership; another partnership's is none. */
  one(viewer: Viewer, id: string): Promise<CommissioningProposalEntity | null> {
    return this.dataSource.getRepository(CommissioningProposalEntity).findOneBy({ id, partnershipId: viewer.partnershipId });
  }
}
