// Tests never reach the real services: any request that is not to loopback fails loudly.
const realFetch = globalThis.fetch;
globalThis.fetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
  const url = new URL(input instanceof Request ? input.url : input.toString());
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    return Promise.reject(new Error(`Test tried to reach ${url.origin}; point it at a fake server instead.`));
  }
  return realFetch(input, init);
};
