// The wallpaper rotation: timer, prefetch, sources with fallback, offline rotation, history navigation.
export { Rotation, type ChangeResult, type RotationOptions } from './rotation';
export type {
  ArtworkFile,
  RotationError,
  RotationPorts,
  RotationState,
  RotationStatus,
  RotationStep,
  ShownWallpaper,
} from './rotation-ports';
export { clientCandidates, type CandidateClients, type ClientCandidatesOptions } from './client-candidates';
export { seededRandom } from './seeded-random';
export { sourceLabel, weightedSourceOrder } from './source-order';
export { isAllowed, orientationFit } from './candidate-rules';
