/**
 * Runs one call from the renderer: checks the channel, validates the request against the contract's
 * schema, runs the handler, and answers with the one result shape. Shared by the Electron IPC layer
 * and the browser harness, so both behave the same; no Electron import here.
 */
import {
  calls,
  isCallChannel,
  type CallChannel,
  type CallResponse,
  type ParsedCallRequest,
} from '../preload/contract';
import { NekodeskError } from './core/errors';
import { toResult, type Result } from './core/result';

export type Handlers = {
  [C in CallChannel]: (request: ParsedCallRequest<C>) => Promise<CallResponse<C>> | CallResponse<C>;
};

export async function dispatchCall(
  handlers: Handlers,
  channel: unknown,
  request: unknown,
): Promise<Result<unknown>> {
  return toResult(() => {
    if (!isCallChannel(channel)) {
      throw new NekodeskError('invalid_input', 'Unknown call.');
    }
    const parsed = calls[channel].request.safeParse(request);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
      throw new NekodeskError(
        'invalid_input',
        `Invalid request for ${channel}${where}: ${issue?.message ?? 'rejected'}.`,
      );
    }
    const handler = handlers[channel] as (request: unknown) => unknown;
    return handler(parsed.data);
  });
}
