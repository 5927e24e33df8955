import { TowerInput } from '../../contract/entities';
import { zodIssueReason, type Reason } from '../validation/issue-reason';
import { normalizeWord } from './columns';

export interface KnownTower {
  id: number;
  name: string;
  code: string;
}

/** A tower the file names that the inventory does not have, offered for creation. */
export interface NewTower {
  name: string;
  code: string;
  latitude: number | null;
  longitude: number | null;
  /** The file lines that name it. */
  lines: number[];
}

export type TowerResolution =
  { kind: 'existing'; id: number } | { kind: 'new'; index: number } | { kind: 'none' };

/** Up to 32 characters of the name, upper case, without accents: "Torre São José" → "TORRE-SAO-JOSE". */
function codeFrom(name: string): string {
  return normalizeWord(name).toUpperCase().replace(/ /g, '-').slice(0, 32) || 'TORRE';
}

/**
 * Finds towers by code or by name (without case or accents). A name the inventory does not know
 * becomes one new tower however many rows name it; its place is the first coordinates one of
 * those rows gives, and its code is made from the name, unique among the towers.
 */
export class TowerResolver {
  private readonly byWord = new Map<string, number>();
  private readonly codes = new Set<string>();
  private readonly newByWord = new Map<string, number>();
  readonly created: NewTower[] = [];

  constructor(towers: readonly KnownTower[]) {
    for (const tower of towers) {
      this.byWord.set(normalizeWord(tower.name), tower.id);
      this.codes.add(tower.code.toUpperCase());
    }
    // A code wins over another tower's name that happens to read the same.
    for (const tower of towers) this.byWord.set(normalizeWord(tower.code), tower.id);
  }

  resolve(
    cell: string,
    line: number,
    point: { latitude: number; longitude: number } | null,
  ): TowerResolution {
    const word = normalizeWord(cell);
    if (word === '') return { kind: 'none' };
    const id = this.byWord.get(word);
    if (id !== undefined) return { kind: 'existing', id };
    let index = this.newByWord.get(word);
    if (index === undefined) {
      index = this.created.length;
      this.newByWord.set(word, index);
      this.created.push({
        name: cell.trim(),
        code: this.uniqueCode(codeFrom(cell)),
        latitude: null,
        longitude: null,
        lines: [],
      });
    }
    const tower = this.created[index]!;
    tower.lines.push(line);
    if (tower.latitude === null && point) Object.assign(tower, point);
    return { kind: 'new', index };
  }

  /** Why a new tower cannot be created, if it cannot. */
  problems(index: number): Reason[] {
    const tower = this.created[index]!;
    if (tower.latitude === null)
      return [{ key: 'import.reason.towerNoCoordinates', params: { tower: tower.name } }];
    const checked = TowerInput.safeParse(tower);
    if (checked.success) return [];
    return checked.error.issues.map((issue) => {
      const reason = zodIssueReason(issue);
      return { key: reason.key, params: { ...reason.params, field: 'tower' } };
    });
  }

  private uniqueCode(base: string): string {
    let code = base;
    for (let n = 2; this.codes.has(code); n++) code = `${base.slice(0, 32 - String(n).length - 1)}-${n}`;
    this.codes.add(code);
    return code;
  }
}
