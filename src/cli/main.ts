import { parseArgs } from 'node:util';
import * as path from 'node:path';
import { settleLibrary } from '../storage/library-move';
import { appVersion, dataDirIsChosen, defaultDataDir, desktopUserDataDir } from '../paths';
import { assertArgCount, COMMANDS, type Output } from './commands';
import { CliError, EXIT, ioCliError, UsageError } from './errors';
import { withLibrary } from './session';

const GLOBAL = {
  data: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

const USAGE = `digest-reader: your Digest Reader library on the command line

Usage: digest-reader [--data <dir>] <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`)
  .join('\n')}

Options:
  --data <dir>  the library folder (default: the desktop app's, ${defaultDataDir()}; $DIGEST_READER_DATA overrides it)
  -h, --help    help; "digest-reader <command> --help" for a command's own
  -v, --version the version of Digest Reader

While the app has the same library open, the command line cannot open it: close the app first.`;

const stdio: Output = {
  out: (t) => console.log(t),
  err: (t) => console.error(t),
  ...(process.stderr.isTTY ? { progress: (t: string) => process.stderr.write(`\r\x1b[K${t.slice(0, (process.stderr.columns || 80) - 1)}`) } : {}),
};

/** The library the desktop app and web mode use too; an earlier desktop app's is moved there first, as the app would. */
function defaultLibrary(io: Output): string {
  const { dataDir, notice } = settleLibrary(defaultDataDir(), dataDirIsChosen() ? undefined : desktopUserDataDir());
  if (notice) io.err(`digest-reader: ${notice.message}`);
  return dataDir;
}

/** Runs one command line; returns the exit code (0 ok, 1 failed, 2 wrong usage). */
export async function run(argv: string[], io: Output = stdio): Promise<number> {
  try {
    // The command is the first word that is not an option (nor the value of --data).
    const first = parseArgs({ args: argv, options: GLOBAL, strict: false, allowPositionals: true });
    const name = first.positionals[0] === 'help' ? first.positionals[1] : first.positionals[0];
    if (first.values.version && !name) return (io.out(`digest-reader ${appVersion()}`), EXIT.ok);
    if (!name) {
      if (first.values.help || first.positionals[0] === 'help') return (io.out(USAGE), EXIT.ok);
      throw new UsageError(`Which command? (${Object.keys(COMMANDS).join(', ')})`);
    }
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) throw new UsageError(`Unknown command “${name}”.`);
    if (first.values.help || first.positionals[0] === 'help') return (io.out(command.usage), EXIT.ok);

    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: { ...GLOBAL, ...command.options }, strict: true, allowPositionals: true });
    } catch (error) {
      throw new UsageError((error as Error).message.replace(/\. To specify a positional.*$/s, '.'), name);
    }
    const args = parsed.positionals.slice(1);
    assertArgCount(name, command, args);
    const data = parsed.values.data as string | undefined;
    // An empty --data is a script's unset variable, never a wish for the default library.
    if (data !== undefined && !data.trim()) throw new UsageError('--data is empty: give the library folder.', name);
    const dataDir = data ? path.resolve(data) : defaultLibrary(io);
    return await withLibrary(
      dataDir,
      Boolean(command.creates),
      (session) => command.run(session, parsed.values, args, io),
      (text) => io.err(`digest-reader: ${text}`),
    );
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`digest-reader: ${error.message}`);
      io.err(error.command ? `Run “digest-reader ${error.command} --help” for its usage.` : 'Run “digest-reader --help” for usage.');
      return EXIT.usage;
    }
    const failure = error instanceof CliError ? error : ioCliError(error);
    if (failure) {
      io.err(`digest-reader: ${failure.message}`);
      return EXIT.failed;
    }
    io.err(`digest-reader: unexpected error: ${(error as Error).stack ?? error}`);
    return EXIT.failed;
  }
}
