import type { StoreDialect } from '../dialect';
import type { Writer } from '../writer';

export interface RepoContext {
  dialect: StoreDialect;
  writer: Writer;
  now(): number;
}
