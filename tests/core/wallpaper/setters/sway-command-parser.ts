/**
 * How sway reads one IPC command, ported from sway's C sources (common/stringop.c split_args,
 * strip_quotes, unescape_string; sway/commands.c execute_command; sway/config.c do_var_replacement),
 * for the tests of `swayPathArgument`. The last layer, wordexp(3), is left to a real POSIX shell.
 */

const WHITESPACE = ' \f\n\r\t\v';

/** argsep: where execute_command splits a command list at `;` and `,` outside quotes and escapes. */
export function splitCommands(command: string): string[] {
  const commands: string[] = [];
  let inString = false;
  let inChar = false;
  let escaped = false;
  let current = '';
  for (const char of command) {
    if (char === '"' && !inChar && !escaped) inString = !inString;
    else if (char === "'" && !inString && !escaped) inChar = !inChar;
    else if (char === '\\') escaped = !escaped;
    else if (!inString && !inChar && !escaped && (char === ';' || char === ',')) {
      commands.push(current);
      current = '';
      continue;
    }
    if (char !== '\\') escaped = false;
    current += char;
  }
  commands.push(current);
  return commands;
}

export function splitArgs(command: string): string[] {
  const argv: string[] = [];
  let inString = false;
  let inChar = false;
  let escaped = false;
  let token = '';
  let inToken = false;
  for (const char of command) {
    if (!inToken && WHITESPACE.includes(char)) continue;
    inToken = true;
    if (char === '"' && !inChar && !escaped) inString = !inString;
    else if (char === "'" && !inString && !escaped) inChar = !inChar;
    else if (char === '\\') escaped = !escaped;
    else if (!inString && !inChar && !escaped && WHITESPACE.includes(char)) {
      argv.push(token);
      token = '';
      inToken = false;
      continue;
    }
    if (char !== '\\') escaped = false;
    token += char;
  }
  if (inToken && token) argv.push(token);
  return argv;
}

export function stripQuotes(value: string): string {
  let inString = false;
  let inChar = false;
  let escaped = false;
  let result = '';
  for (const char of value) {
    if (char === "'" && !inString && !escaped) {
      inChar = !inChar;
      continue;
    }
    if (char === '"' && !inChar && !escaped) {
      inString = !inString;
      continue;
    }
    if (char === '\\') escaped = !escaped;
    else escaped = false;
    result += char;
  }
  return result;
}

/** Whether do_var_replacement would look up a variable at each `$` (it skips `\$` but not `\\$`). */
export function unescapedDollars(value: string): number {
  let count = 0;
  for (let index = 0; index < value.length; index++) {
    if (value[index] !== '$') continue;
    const skipped = index > 0 && value[index - 1] === '\\' && !(index > 1 && value[index - 2] === '\\');
    if (!skipped) count++;
  }
  return count;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

export function unescapeString(value: string): string {
  let result = '';
  for (let index = 0; index < value.length; index++) {
    const char = value.charAt(index);
    if (char !== '\\') {
      result += char;
      continue;
    }
    const next = value.charAt(index + 1);
    if (next === '0') return result;
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      result += simple;
      index++;
    } else if (next === 'x') {
      throw new Error('\\x escapes are not expected in these tests');
    } else {
      result += char; // unknown escapes are kept whole: the backslash stays, the next character follows
    }
  }
  return result;
}

/** The arguments sway's `output … bg` handler receives for `swaymsg` argv, and how many `$` it would expand. */
export function swayHandlerArgs(swaymsgArgs: readonly string[]): { argv: string[]; variableLookups: number } {
  const argv = splitArgs(swaymsgArgs.join(' '));
  let variableLookups = 0;
  const processed = argv.map((arg, index) => {
    if (index === 0) return arg;
    const stripped = arg.startsWith('"') || arg.startsWith("'") ? stripQuotes(arg) : arg;
    variableLookups += unescapedDollars(stripped);
    return unescapeString(stripped);
  });
  return { argv: processed, variableLookups };
}
