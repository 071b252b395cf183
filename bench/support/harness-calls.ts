import type { CallChannel, CallRequest, CallResponse, CallResult } from '../../preload/contract';

export type HarnessCall = <C extends CallChannel>(
  channel: C,
  request: CallRequest<C>,
) => Promise<CallResponse<C>>;

/**
 * The calls a page makes (`window.nekodesk.*`), made from Node against the browser harness: the session cookie
 * comes with the page, as a browser gets it. A refused call throws with the harness's message.
 */
export async function harnessCalls(harnessUrl: string): Promise<HarnessCall> {
  const page = await fetch(new URL('picker', harnessUrl));
  const cookie = page.headers.get('set-cookie')?.split(';')[0];
  if (!page.ok || cookie === undefined) throw new Error('The harness did not hand out its session cookie.');
  return async (channel, request) => {
    const response = await fetch(new URL(`__nekodesk/call/${channel}`, harnessUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ request }),
    });
    const result = (await response.json()) as CallResult<typeof channel>;
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.data;
  };
}
