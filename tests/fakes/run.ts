// Starts the three fakes for manual runs of the CLI and the browser harness:
//   npx tsx tests/fakes/run.ts
// prints the env lines to point Nekodesk at them, then stays up until SIGINT/SIGTERM.
import { startFakeNekosBest, startFakeNekosia, startFakeWhatAnime } from './index';

const nekosBest = await startFakeNekosBest();
const nekosia = await startFakeNekosia();
const whatAnime = await startFakeWhatAnime();

process.stdout.write(
  [
    `NEKODESK_NEKOS_BEST_URL=${nekosBest.baseUrl}`,
    `NEKODESK_NEKOSIA_URL=${nekosia.baseUrl}`,
    `NEKODESK_WHATANIME_URL=${whatAnime.baseUrl}`,
    '',
  ].join('\n'),
);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  void Promise.all([nekosBest.close(), nekosia.close(), whatAnime.close()]).then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
