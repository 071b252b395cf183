import { InvalidArgumentError } from 'commander';

/** A whole number (range checks are the core's, with clearer messages). */
export function wholeNumber(value: string): number {
  if (!/^\s*-?\d+\s*$/.test(value)) throw new InvalidArgumentError('Expected a whole number.');
  return Number(value);
}

/** `a,b, c` → ['a', 'b', 'c']; repeated options add up. */
export function commaList(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  ];
}
