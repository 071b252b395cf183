import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BENCHMARKS } from './benchmarks';
import { markdownTable, ratioOf, targetMet, toRow, type Figure } from './figure';

/** Runs every benchmark, prints the table and writes bench-results/bench.{md,json}; exits 1 if a target is missed. */
async function main(): Promise<void> {
  const figures: Figure[] = [];
  for (const benchmark of BENCHMARKS) {
    const started = performance.now();
    process.stdout.write(`Running ${benchmark.name}… `);
    figures.push(...(await benchmark.run()));
    process.stdout.write(`${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }

  const table = markdownTable(figures.map(toRow));
  const missed = figures.filter((figure) => !targetMet(figure));
  console.log(`\n${table}\n`);

  const outDir = fileURLToPath(new URL('../bench-results/', import.meta.url));
  mkdirSync(outDir, { recursive: true });
  const date = new Date().toISOString();
  writeFileSync(
    `${outDir}bench.md`,
    `# Nekodesk benchmarks\n\n${date}, Node ${process.version}\n\n${table}\n`,
  );
  const json = figures.map((figure) => ({ ...figure, ratio: ratioOf(figure), met: targetMet(figure) }));
  writeFileSync(
    `${outDir}bench.json`,
    `${JSON.stringify({ date, node: process.version, figures: json }, null, 2)}\n`,
  );
  console.log(`Wrote ${outDir}bench.md and bench.json.`);

  if (missed.length > 0) {
    console.error(`Missed targets: ${missed.map((figure) => figure.name).join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
