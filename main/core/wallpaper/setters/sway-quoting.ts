/**
 * A file path as one argument of a sway command (`swaymsg output * bg <here> fill`).
 *
 * swaymsg joins its arguments into one command string, and sway then reads the path through two
 * layers (sway/commands.c, common/stringop.c, sway/commands/output/background.c):
 *   1. its tokenizer: `;` and `,` split commands, whitespace splits arguments, quotes group;
 *      then strip_quotes, `$variable` replacement (skipped for `\$`) and unescape_string (`\\` `\"` `\'` `\?` …);
 *   2. expand_path: wordexp(3) *with command substitution*, so `$(…)` in a file name would run.
 * The path is therefore first escaped for wordexp (every character but [A-Za-z0-9/._-] and non-ASCII gets
 * a backslash; `$` becomes `"\$"`; a line break is single-quoted because backslash-newline is a line
 * continuation), then wrapped in double quotes for the tokenizer, doubling the backslashes unescape_string
 * would eat. No two spaces ever meet (expand_path rewrites "  " and would corrupt a quoted run).
 */
const PLAIN = /^[A-Za-z0-9/._-]$/;

/** The path escaped so that wordexp(3) yields exactly it, as one word, running nothing. */
export function wordexpLiteral(value: string): string {
  let result = '';
  for (const char of value) {
    if (PLAIN.test(char) || char.charCodeAt(0) >= 0x80) result += char;
    else if (char === '\n') result += "'\n'";
    else if (char === '$') result += '"\\$"';
    else result += `\\${char}`;
  }
  return result;
}

/** The path as one sway command argument: after sway's tokenizer and unescape_string, its wordexp literal. */
export function swayPathArgument(file: string): string {
  let result = '';
  for (const char of file) {
    if (PLAIN.test(char) || char.charCodeAt(0) >= 0x80) result += char;
    else if (char === '\n') result += "'\n'";
    // `\$` with one backslash before the `$` is what makes sway skip variable replacement.
    else if (char === '$') result += '\\"\\$\\"';
    else if (char === '\\' || char === '"') result += `\\\\\\${char}`;
    else result += `\\\\${char}`;
  }
  return `"${result}"`;
}
