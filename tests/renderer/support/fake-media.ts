/**
 * What jsdom leaves out of media, faked as a browser behaves:
 * - `window.matchMedia` (jsdom has none): answers the queries a test sets;
 * - playback (jsdom's play() is "not implemented" and `paused` never changes): play() and pause() move `paused`
 *   and fire `play` / `pause`, as the real element does.
 * Each returns the function that puts jsdom back.
 */

/** `window.matchMedia` answering `answers` (false for any other query); returns what puts jsdom back. */
export function fakeMatchMedia(answers: Record<string, boolean>): () => void {
  window.matchMedia = (query: string): MediaQueryList => {
    // Without the deprecated addListener / removeListener, which nothing here calls.
    const list: Omit<MediaQueryList, 'addListener' | 'removeListener'> = {
      media: query,
      matches: answers[query] ?? false,
      onchange: null,
      // The answers never change during a test: there is no `change` to listen for.
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    };
    return list as MediaQueryList;
  };
  return () => {
    Reflect.deleteProperty(window, 'matchMedia');
  };
}

/** Playback that moves: `paused` follows play() and pause(), with their events. */
export function fakePlayback(): () => void {
  const proto = HTMLMediaElement.prototype;
  const saved = {
    play: Object.getOwnPropertyDescriptor(proto, 'play'),
    pause: Object.getOwnPropertyDescriptor(proto, 'pause'),
    paused: Object.getOwnPropertyDescriptor(proto, 'paused'),
  };
  const playing = new WeakSet<HTMLMediaElement>();

  Object.defineProperty(proto, 'paused', {
    configurable: true,
    get(this: HTMLMediaElement) {
      return !playing.has(this);
    },
  });
  Object.defineProperty(proto, 'play', {
    configurable: true,
    value(this: HTMLMediaElement): Promise<void> {
      if (!playing.has(this)) {
        playing.add(this);
        this.dispatchEvent(new Event('play'));
      }
      return Promise.resolve();
    },
  });
  Object.defineProperty(proto, 'pause', {
    configurable: true,
    value(this: HTMLMediaElement): void {
      if (playing.delete(this)) this.dispatchEvent(new Event('pause'));
    },
  });

  return () => {
    for (const [name, descriptor] of Object.entries(saved)) {
      if (descriptor) Object.defineProperty(proto, name, descriptor);
    }
  };
}
