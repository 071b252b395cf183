/**
 * GVariant text for a string (what `gsettings set` and `gdbus call` parse their values as): single
 * quotes with backslash escapes, so quotes, backslashes and line breaks in a path stay data.
 */
export function gvariantString(value: string): string {
  const escaped = value.replace(/[\\'\n\r\t]/g, (char) => {
    switch (char) {
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default:
        return `\\${char}`;
    }
  });
  return `'${escaped}'`;
}
