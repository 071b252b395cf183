import { describe, expectTypeOf, it } from 'vitest';
import type { IdentifyService } from '../../../main/core/identify';
import type { IdentifyPort } from '../../../main/identify-handlers';

describe('IdentifyService', () => {
  it('is what the identify:* handlers call (IdentifyPort)', () => {
    expectTypeOf<IdentifyService>().toExtend<IdentifyPort>();
  });
});
