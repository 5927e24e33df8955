import type { ColumnMapping } from '../../../shared/domain/import/columns';
import type { ImportPlan, KnownInventory } from '../../../shared/domain/import/plan';
import type { ImportAnswer, ImportRequest } from './import-protocol';

type Answer<T extends ImportAnswer['type']> = Extract<ImportAnswer, { type: T }>;
type Ask = { type: 'read'; bytes: ArrayBuffer } | Omit<Extract<ImportRequest, { type: 'plan' }>, 'id'>;

/** Thrown when the worker could not do what it was asked (the page says so, nothing is written). */
export class ImportWorkerFailed extends Error {}

/** The page's side of the import worker: one request at a time answered, older answers dropped. */
export class ImportWorkerClient {
  private readonly worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  private next = 1;
  private readonly waiting = new Map<number, (answer: ImportAnswer) => void>();

  constructor() {
    this.worker.onmessage = ({ data }: MessageEvent<ImportAnswer>) => {
      this.waiting.get(data.id)?.(data);
      this.waiting.delete(data.id);
    };
  }

  /** The file's bytes go to the worker (transferred, not copied). */
  read(bytes: ArrayBuffer): Promise<Answer<'read'>['reading']> {
    return this.ask({ type: 'read', bytes }, [bytes]).then((answer) => (answer as Answer<'read'>).reading);
  }

  plan(mapping: ColumnMapping, inventory: KnownInventory, createTowers: boolean): Promise<ImportPlan> {
    return this.ask({ type: 'plan', mapping, inventory, createTowers }, []).then(
      (answer) => (answer as Answer<'plan'>).plan,
    );
  }

  dispose(): void {
    this.worker.terminate();
    this.waiting.clear();
  }

  private ask(request: Ask, transfer: Transferable[]): Promise<ImportAnswer> {
    const id = this.next++;
    // Only the newest request matters: an older one still in the worker is answered and ignored.
    this.waiting.clear();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (answer) =>
        answer.type === 'failed' ? reject(new ImportWorkerFailed()) : resolve(answer),
      );
      this.worker.postMessage({ ...request, id }, transfer);
    });
  }
}
