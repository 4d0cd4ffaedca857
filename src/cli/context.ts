import type { Command } from "commander";

/**
 * What every command is given (effects passed in, STYLE.md rule 10): where to write data and progress, the
 * environment and the working directory. Tests run commands with their own streams and environment.
 */
export interface CliContext {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** The clock (release timestamps); tests pass a fixed one. */
  readonly now?: () => Date;
}

/** A command module: declares its options once on the program; `--help` is generated from them. */
export type RegisterCommand = (program: Command, context: CliContext) => void;
