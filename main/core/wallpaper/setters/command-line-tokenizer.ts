/**
 * Splits a command line into argv the way a POSIX shell would split words — whitespace separates,
 * '…' is literal, "…" allows \" \\ \$ \` escapes, a backslash outside quotes escapes the next character —
 * and nothing else: no variables, globs, pipes or substitutions. Used for the custom wallpaper command.
 */
import { NekodeskError } from '../../errors';

export function tokenizeCommandLine(line: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let inToken = false;
  let quote: "'" | '"' | null = null;

  for (let index = 0; index < line.length; index++) {
    const char = line.charAt(index);
    if (quote === "'") {
      if (char === "'") quote = null;
      else current += char;
    } else if (quote === '"') {
      if (char === '"') quote = null;
      else if (char === '\\' && index + 1 < line.length && '"\\$`'.includes(line.charAt(index + 1))) {
        current += line.charAt(++index);
      } else current += char;
    } else if (/\s/.test(char)) {
      if (inToken) tokens.push(current);
      current = '';
      inToken = false;
    } else {
      inToken = true;
      if (char === "'" || char === '"') quote = char;
      else if (char === '\\') {
        if (index + 1 >= line.length) throw invalid('ends with a lone backslash');
        current += line.charAt(++index);
      } else current += char;
    }
  }
  if (quote) throw invalid(`has an unterminated ${quote === "'" ? 'single' : 'double'} quote`);
  if (inToken) tokens.push(current);
  return tokens;
}

function invalid(problem: string): NekodeskError {
  return new NekodeskError('invalid_input', `The custom wallpaper command ${problem}.`);
}
