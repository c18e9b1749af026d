// Known errors have shapes: each renders as a message plus a hint, and maps to exit code 2.

/** Base class of errors the CLI renders without a stack trace. */
export class KnownError extends Error {
  constructor(
    message: string,
    /** How to fix it, shown under the message. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad command-line usage. */
export class UsageError extends KnownError {}

/** Invalid configuration file or option value. */
export class ConfigError extends KnownError {}

/** An input that cannot be read or parsed; names the file. */
export class InputFileError extends KnownError {
  constructor(
    readonly file: string,
    problem: string,
    hint?: string,
    readonly line?: number,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${problem}`, hint);
  }
}

/** A result that is either a value or an error (loaders return this instead of throwing). */
export type Result<T, E = KnownError> = { ok: true; value: T } | { ok: false; error: E };
