import { StoreError } from './repository';

interface CodedError {
  code?: string;
  message?: string;
  cause?: unknown;
}

/** The driver's error code; drizzle wraps driver errors, keeping the original as `cause`. */
const codeOf = (error: unknown): string => {
  const coded = error as CodedError | undefined;
  return coded?.code ?? (coded?.cause ? codeOf(coded.cause) : '');
};
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** What went wrong opening a SQLite file, in words that name the file and the cause. */
export function sqliteOpenError(file: string, error: unknown): StoreError {
  const code = codeOf(error);
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new StoreError(
      'corrupt',
      `The database file ${file} is damaged or is not a Vigia database (${messageOf(error)}). It was left untouched; restore a backup or choose another file.`,
      { cause: error },
    );
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new StoreError(
      'locked',
      `The database file ${file} is locked by another program (another Vigia running?): ${messageOf(error)}.`,
      { cause: error },
    );
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM') {
    return new StoreError(
      'unreachable',
      `Vigia cannot open ${file} for writing: ${messageOf(error)}. Check the folder exists and is writable.`,
      { cause: error },
    );
  }
  return new StoreError('unreachable', `Vigia could not open ${file}: ${messageOf(error)}`, { cause: error });
}

/** What went wrong reaching PostgreSQL; the URL is shown without its password. */
export function postgresOpenError(url: string, error: unknown): StoreError {
  const where = redactUrl(url);
  const code = codeOf(error);
  if (
    code === 'ECONNREFUSED' ||
    code === 'ENOTFOUND' ||
    code === 'EHOSTUNREACH' ||
    code === 'ETIMEDOUT' ||
    /timeout/i.test(messageOf(error))
  ) {
    return new StoreError(
      'unreachable',
      `PostgreSQL at ${where} cannot be reached (${code || messageOf(error)}). Check host, port and that the server is running.`,
      { cause: error },
    );
  }
  if (code === '28P01' || code === '28000') {
    return new StoreError('auth', `PostgreSQL at ${where} refused the login: wrong user or password.`, {
      cause: error,
    });
  }
  if (code === '3D000') {
    return new StoreError(
      'unreachable',
      `PostgreSQL at ${where}: the database does not exist. Create it first (CREATE DATABASE …).`,
      { cause: error },
    );
  }
  return new StoreError('unreachable', `PostgreSQL at ${where} failed: ${messageOf(error)}`, {
    cause: error,
  });
}

export function migrationError(where: string, error: unknown): StoreError {
  return new StoreError(
    'migration',
    `Updating the database schema of ${where} failed and was rolled back; your data is as it was. Cause: ${messageOf(error)}`,
    { cause: error },
  );
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(invalid PostgreSQL URL)';
  }
}

/** A unique-constraint violation, in either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error);
  return (
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === '23505' ||
    /UNIQUE constraint failed/i.test(messageOf(error))
  );
}

export function isForeignKeyViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503';
}

/** The database refused a write only a poller leader may do: this instance holds no lease for it. */
export function isFenced(error: unknown): boolean {
  return codeOf(error) === 'VGF01';
}
