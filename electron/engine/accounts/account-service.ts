import { randomBytes } from 'node:crypto';
import { FIRST_ADMIN, type Me, type Role, type User } from '../../../shared/contract/accounts';
import type { CallAuth } from '../../../shared/contract/engine-process';
import { translate, type Language, type MessageKey } from '../../../shared/i18n';
import { ApiFailure } from '../../../shared/contract/api-failure';
import type { Repository } from '../store/repository';
import type { StoredUser } from '../store/repo/users';
import type { Caller } from '../../../shared/contract/caller';
import { DEFAULT_SCRYPT, hashPassword, needsRehash, verifyPassword, type ScryptParams } from './password';
import { SessionTable } from './sessions';
import type { FailureRule } from '../store/repo/sign-in';

export type AccessMode = 'local' | 'accounts';

export interface AccountServiceOptions {
  repo: Repository;
  mode: AccessMode;
  /** This computer's user: the caller of every call in local mode. */
  localUser: string;
  language(): Language;
  now?: () => number;
  scrypt?: ScryptParams;
  /** Wrong passwords that refuse a user name for a while, on every instance of the store. */
  signInLimit?: FailureRule;
  log?: (message: string) => void;
}

/** As the headless server limits one address: 5 wrong passwords, then 15 minutes' wait. */
export const SIGN_IN_LIMIT: FailureRule = { maxFailures: 5, windowMs: 15 * 60_000 };

/** A user name as the limit counts it: "Ana " and "ana" are one. */
const limitKey = (name: string): string => name.trim().toLowerCase();

const publicUser = ({ passwordHash: _hash, ...user }: StoredUser): User => user;

/**
 * Who may call the engine, and as whom. In local mode (a workstation on its own SQLite) every call
 * is this computer's user, as admin. In accounts mode every call needs a session issued here at
 * sign-in, and each call re-reads its user from the store: a user disabled or whose password
 * changed — on this or any workstation sharing the store — is signed out at their next call.
 */
export class AccountService {
  private readonly sessions: SessionTable;
  private readonly now: () => number;
  private readonly scrypt: ScryptParams;
  private readonly signInLimit: FailureRule;
  /** Compared against when the name is unknown, so a sign-in takes as long either way. */
  private decoy: Promise<string> | null = null;

  private constructor(private readonly options: AccountServiceOptions) {
    this.now = options.now ?? Date.now;
    this.scrypt = options.scrypt ?? DEFAULT_SCRYPT;
    this.signInLimit = options.signInLimit ?? SIGN_IN_LIMIT;
    this.sessions = new SessionTable(options.repo.signIn, this.now, undefined, options.log);
  }

  /**
   * Opens the service. In accounts mode a store without users gets its first administrator, with
   * a random one-time password it must change at the first sign-in: returned so the host prints it.
   */
  static async open(
    options: AccountServiceOptions,
  ): Promise<{ accounts: AccountService; firstAdminPassword: string | null }> {
    const accounts = new AccountService(options);
    let firstAdminPassword: string | null = null;
    if (options.mode === 'accounts' && (await options.repo.users.count()) === 0) {
      firstAdminPassword = randomBytes(12).toString('base64url');
      await options.repo.users.create({
        name: FIRST_ADMIN,
        role: 'admin',
        passwordHash: await hashPassword(firstAdminPassword, accounts.scrypt),
        mustChangePassword: true,
      });
    }
    return { accounts, firstAdminPassword };
  }

  get mode(): AccessMode {
    return this.options.mode;
  }

  private fail(
    code: 'unauthenticated' | 'forbidden' | 'invalid_input' | 'not_found' | 'conflict',
    key: MessageKey,
    params?: Record<string, string | number>,
  ): ApiFailure {
    return new ApiFailure({ code, message: translate(this.options.language(), key, params), issues: [] });
  }

  /** The caller a call's auth stands for; rejects with `unauthenticated` when there is none. */
  async resolve(auth: CallAuth | undefined): Promise<Caller> {
    if (auth?.kind === 'host')
      return {
        userId: null,
        name: auth.actor,
        role: auth.role,
        mustChangePassword: false,
        local: false,
        host: true,
        session: null,
      };
    if (!auth) {
      if (this.options.mode === 'local')
        return {
          userId: null,
          name: this.options.localUser,
          role: 'admin',
          mustChangePassword: false,
          local: true,
          host: false,
          session: null,
        };
      throw this.fail('unauthenticated', 'accounts.signInRequired');
    }
    const session = await this.sessions.get(auth.session);
    const user = session ? await this.options.repo.users.get(session.userId) : null;
    if (!session || !user || user.disabled || session.issuedAt < user.passwordChangedAt) {
      if (session) await this.sessions.end(auth.session);
      throw this.fail('unauthenticated', 'accounts.sessionEnded');
    }
    return {
      userId: user.id,
      name: user.name,
      role: user.role,
      mustChangePassword: user.mustChangePassword,
      local: false,
      host: false,
      session: auth.session,
    };
  }

  me(caller: Caller): Me {
    return {
      name: caller.name,
      role: caller.role,
      mustChangePassword: caller.mustChangePassword,
      local: caller.local,
    };
  }

  /**
   * Signs a user in. Wrong passwords are counted per user name in the store, so a name is refused
   * for a while on every workstation and server sharing it, whichever one the guesses come from.
   */
  async login(name: string, password: string): Promise<{ session: string; me: Me }> {
    const key = limitKey(name);
    const blockedUntil = await this.options.repo.signIn.blockedUntil(key, this.now(), this.signInLimit);
    if (blockedUntil !== null) throw this.rateLimited(name, blockedUntil);
    const user = await this.options.repo.users.byName(name);
    if (!user) {
      this.decoy ??= hashPassword(randomBytes(16).toString('hex'), this.scrypt);
      await verifyPassword(password, await this.decoy);
      return this.refuse(key);
    }
    // A disabled user gets the same answer as a wrong password: nothing to learn by probing.
    if (!(await verifyPassword(password, user.passwordHash)) || user.disabled) return this.refuse(key);
    await this.options.repo.signIn.signedIn(key);
    if (needsRehash(user.passwordHash, this.scrypt))
      await this.options.repo.users.update(user.id, {
        passwordHash: await hashPassword(password, this.scrypt),
      });
    const session = await this.sessions.issue(user.id);
    return {
      session,
      me: { name: user.name, role: user.role, mustChangePassword: user.mustChangePassword, local: false },
    };
  }

  logout(session: string): Promise<void> {
    return this.sessions.end(session);
  }

  /** Counts a wrong password; from the limit on, the name is refused until its window ends. */
  private async refuse(key: string): Promise<never> {
    await this.options.repo.signIn.failedSignIn(key, this.now(), this.signInLimit);
    throw this.fail('unauthenticated', 'accounts.invalidLogin');
  }

  private rateLimited(name: string, until: number): ApiFailure {
    const retryAfterS = Math.max(1, Math.ceil((until - this.now()) / 1000));
    return new ApiFailure({
      code: 'rate_limited',
      message: translate(this.options.language(), 'accounts.tooManyAttempts', {
        name: name.trim(),
        minutes: Math.ceil(retryAfterS / 60),
      }),
      issues: [],
      retryAfterS,
    });
  }

  async changePassword(caller: Caller, current: string, next: string): Promise<void> {
    const user = caller.userId === null ? null : await this.options.repo.users.get(caller.userId);
    if (!user) throw this.fail('invalid_input', 'accounts.notInLocalMode');
    if (!(await verifyPassword(current, user.passwordHash)))
      throw this.fail('invalid_input', 'accounts.wrongCurrentPassword');
    if (current === next) throw this.fail('invalid_input', 'accounts.samePassword');
    await this.options.repo.users.update(user.id, {
      passwordHash: await hashPassword(next, this.scrypt),
      passwordChangedAt: this.now(),
      mustChangePassword: false,
    });
    // Every other session of this user ends; the one that changed it carries on.
    await this.sessions.endAllOf(user.id, caller.session);
    if (caller.session) await this.sessions.renew(caller.session);
    await this.audit(caller, 'account.changePassword', user, '');
  }

  private assertAccounts(): void {
    if (this.options.mode === 'local') throw this.fail('invalid_input', 'accounts.notInLocalMode');
  }

  private async mustGet(id: number): Promise<StoredUser> {
    const user = await this.options.repo.users.get(id);
    if (!user) throw this.fail('not_found', 'accounts.userNotFound', { id });
    return user;
  }

  async list(): Promise<User[]> {
    this.assertAccounts();
    return (await this.options.repo.users.list()).map(publicUser);
  }

  async create(caller: Caller, input: { name: string; role: Role; password: string }): Promise<User> {
    this.assertAccounts();
    if (await this.options.repo.users.byName(input.name))
      throw this.fail('conflict', 'accounts.userExists', { name: input.name });
    const user = await this.options.repo.users.create({
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(input.password, this.scrypt),
      // The administrator chose it: the user picks their own at the first sign-in.
      mustChangePassword: true,
    });
    await this.audit(caller, 'user.create', user, input.role);
    return publicUser(user);
  }

  async update(
    caller: Caller,
    input: { id: number; role?: Role | undefined; disabled?: boolean | undefined },
  ): Promise<User> {
    this.assertAccounts();
    const user = await this.mustGet(input.id);
    // Disabling oneself would lock the caller out mid-session, with no one to notice.
    if (input.disabled === true && !user.disabled && user.id === caller.userId)
      throw this.fail('conflict', 'accounts.cannotDisableSelf');
    const staysAdmin = (input.role ?? user.role) === 'admin' && !(input.disabled ?? user.disabled);
    if (user.role === 'admin' && !user.disabled && !staysAdmin) await this.assertAnotherAdmin(user.id);
    const updated = await this.options.repo.users.update(user.id, {
      ...(input.role === undefined ? {} : { role: input.role }),
      ...(input.disabled === undefined ? {} : { disabled: input.disabled }),
    });
    if (updated.disabled) await this.sessions.endAllOf(user.id);
    const changes = [
      input.role !== undefined && input.role !== user.role ? `role ${user.role} → ${input.role}` : '',
      input.disabled !== undefined && input.disabled !== user.disabled
        ? input.disabled
          ? 'disabled'
          : 'enabled'
        : '',
    ].filter(Boolean);
    await this.audit(caller, 'user.update', updated, changes.join(', '));
    return publicUser(updated);
  }

  async resetPassword(caller: Caller, id: number, password: string): Promise<User> {
    this.assertAccounts();
    const user = await this.mustGet(id);
    const updated = await this.options.repo.users.update(user.id, {
      passwordHash: await hashPassword(password, this.scrypt),
      passwordChangedAt: this.now(),
      mustChangePassword: true,
    });
    await this.sessions.endAllOf(user.id);
    await this.audit(caller, 'user.resetPassword', updated, '');
    return publicUser(updated);
  }

  private async assertAnotherAdmin(except: number): Promise<void> {
    const others = (await this.options.repo.users.list()).filter(
      (user) => user.id !== except && user.role === 'admin' && !user.disabled,
    );
    if (others.length === 0) throw this.fail('conflict', 'accounts.lastAdmin');
  }

  private audit(caller: Caller, action: string, user: StoredUser, details: string): Promise<void> {
    return this.options.repo.audit.add({
      at: this.now(),
      actor: caller.name,
      action,
      target: `user:${user.name}`,
      details,
    });
  }
}
