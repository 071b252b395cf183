import { CommanderError } from 'commander';
import { describeFailure, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './errors';
import type { CliIo } from './io';
import { buildProgram } from './program';

/**
 * Runs one `nekodesk` command line and returns its exit code: 0 success, 1 failure, 2 invalid input or usage.
 * A failure prints exactly one line, `nekodesk: <message>`, on stderr.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const { program } = buildProgram(io);
  try {
    // Called alone, it explains itself (on stdout, like --help).
    await program.parseAsync(argv.length === 0 ? ['--help'] : [...argv], { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT_OK;
      if (error.code === 'commander.help') return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    const failure = describeFailure(error);
    io.stderr.write(`nekodesk: ${failure.message}\n`);
    if (io.env.NEKODESK_DEBUG === '1' && error instanceof Error && error.stack)
      io.stderr.write(`${error.stack}\n`);
    return failure.exitCode === EXIT_OK ? EXIT_FAILURE : failure.exitCode;
  }
}
