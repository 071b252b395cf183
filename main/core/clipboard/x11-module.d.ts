/**
 * Types for the part of the `x11` package (sidorares/node-x11: a pure-JavaScript X11 protocol client,
 * CommonJS, no declarations of its own) that the clipboard owner uses, checked against x11 4.2's
 * lib/xcore.js, lib/corereqs.js and lib/generated/core-events.js. Only what is used is declared.
 */
declare module 'x11' {
  namespace x11 {
    /** A protocol error from the server: `error` is its code (3 BadWindow, 5 BadAtom, …). */
    interface XError extends Error {
      error: number;
      /** The failing request's sequence number. */
      seq: number;
      badParam: number;
      majorOpcode: number;
      minorOpcode: number;
    }

    /**
     * A request's callback: an error alone, or no error and the reply. Returning true marks an error as
     * handled; otherwise the client also emits it as 'error'.
     */
    type Callback<T> = (
      ...args: [error: XError] | [error: null | undefined, reply: T]
    ) => boolean | undefined;
    /** A void request's callback: the error, or nothing once the server has got past the request. */
    type VoidCallback = (error: XError | null | undefined) => boolean | undefined;

    interface Screen {
      /** The root window's id. */
      root: number;
    }

    /** The connection setup's answer (with the fields used here). */
    interface Display {
      screen: Screen[];
      /**
       * The largest request the server accepts, in 4-byte units (from the setup, at most 65535; raised
       * by BIG-REQUESTS unless `disableBigRequests` was given).
       */
      max_request_length: number;
    }

    interface ClientOptions {
      /** Default `$DISPLAY`. */
      display?: string;
      /** Skip enabling BIG-REQUESTS at connect: `max_request_length` stays the setup's. */
      disableBigRequests?: boolean;
      /**
       * false: a plain `net.Socket` for a local display, instead of the descriptor-passing socket MIT-SHM
       * needs (built on Node's internal pipe bindings).
       */
      shm?: false;
    }

    interface WindowAttributes {
      eventMask?: number;
    }

    interface GetPropertyReply {
      /** The property's type atom (0 when it does not exist). */
      type: number;
      format: 0 | 8 | 16 | 32;
      bytesAfter: number;
      data: Buffer;
    }

    interface EventBase {
      /** The event code (without the synthetic bit). */
      type: number;
      seq: number;
      /** The 32 bytes it came in. */
      rawData: Buffer;
    }

    interface SelectionRequestEvent extends EventBase {
      name: 'SelectionRequest';
      /** The requestor's timestamp, or 0 (CurrentTime). */
      time: number;
      owner: number;
      requestor: number;
      selection: number;
      target: number;
      /** 0 (None) from obsolete clients. */
      property: number;
    }

    interface SelectionClearEvent extends EventBase {
      name: 'SelectionClear';
      time: number;
      owner: number;
      selection: number;
    }

    interface SelectionNotifyEvent extends EventBase {
      name: 'SelectionNotify';
      time: number;
      requestor: number;
      selection: number;
      target: number;
      /** 0 (None) when the owner refused. */
      property: number;
    }

    interface PropertyNotifyEvent extends EventBase {
      name: 'PropertyNotify';
      wid: number;
      atom: number;
      time: number;
      /** 0 NewValue, 1 Deleted. */
      state: number;
    }

    /** The other core events, by name (only their common fields are declared); GenericEvent has no name. */
    interface OtherEvent extends EventBase {
      name:
        | 'KeyPress'
        | 'KeyRelease'
        | 'ButtonPress'
        | 'ButtonRelease'
        | 'MotionNotify'
        | 'EnterNotify'
        | 'LeaveNotify'
        | 'FocusIn'
        | 'FocusOut'
        | 'KeymapNotify'
        | 'Expose'
        | 'GraphicsExposure'
        | 'NoExposure'
        | 'VisibilityNotify'
        | 'CreateNotify'
        | 'DestroyNotify'
        | 'UnmapNotify'
        | 'MapNotify'
        | 'MapRequest'
        | 'ReparentNotify'
        | 'ConfigureNotify'
        | 'ConfigureRequest'
        | 'GravityNotify'
        | 'ResizeRequest'
        | 'CirculateNotify'
        | 'CirculateRequest'
        | 'ColormapNotify'
        | 'ClientMessage'
        | 'MappingNotify'
        | undefined;
    }

    type XEvent =
      SelectionRequestEvent | SelectionClearEvent | SelectionNotifyEvent | PropertyNotifyEvent | OtherEvent;

    /** What `SendEvent` packs into the 32 bytes of a SelectionNotify. */
    type SelectionNotifyMessage = Omit<SelectionNotifyEvent, keyof EventBase>;

    /** One connection. Every request returns false when the socket pushes back (it is still queued). */
    interface XClient {
      /** Set once connected. */
      readonly display: Display;
      /**
       * InternAtom's cache, name → atom, seeded with the predefined atoms. Every connection starts with
       * the same object (the module's), so atoms interned on one server show up in the others' caches.
       */
      atoms: Record<string, number>;
      AllocID(): number;
      CreateWindow(
        id: number,
        parent: number,
        x: number,
        y: number,
        width: number,
        height: number,
        borderWidth: number,
        depth: number,
        windowClass: number,
        visual: number,
        values: WindowAttributes,
        callback?: VoidCallback,
      ): boolean;
      ChangeWindowAttributes(wid: number, values: WindowAttributes, callback?: VoidCallback): boolean;
      InternAtom(onlyIfExists: boolean, name: string, callback: Callback<number>): boolean;
      /** `mode` 0 Replace, 1 Prepend, 2 Append; `data` as bytes, or as numbers of `format` bits each. */
      ChangeProperty(
        mode: 0 | 1 | 2,
        wid: number,
        property: number,
        type: number,
        format: 8 | 16 | 32,
        data: Buffer | readonly number[],
        callback?: VoidCallback,
      ): boolean;
      DeleteProperty(wid: number, property: number, callback?: VoidCallback): boolean;
      /** `longOffset` and `longLength` in 4-byte units; `type` 0 is AnyPropertyType. */
      GetProperty(
        deleteAfter: 0 | 1,
        wid: number,
        property: number,
        type: number,
        longOffset: number,
        longLength: number,
        callback: Callback<GetPropertyReply>,
      ): boolean;
      SetSelectionOwner(owner: number, selection: number, time: number, callback?: VoidCallback): boolean;
      GetSelectionOwner(selection: number, callback: Callback<number>): boolean;
      /** Asks the owner of `selection` for `target` into `property` on `requestor`; `time` 0 is CurrentTime. */
      ConvertSelection(
        requestor: number,
        selection: number,
        target: number,
        property: number,
        time: number,
        callback?: VoidCallback,
      ): boolean;
      GetAtomName(atom: number, callback: Callback<string>): boolean;
      SendEvent(
        destination: number,
        propagate: 0 | 1,
        eventMask: number,
        event: SelectionNotifyMessage,
        callback?: VoidCallback,
      ): boolean;
      /** A round trip, then the socket is closed; `callback` once it has gone. */
      close(callback?: (error?: XError) => void): void;
      /** Ends the socket at once (buffered requests are flushed first). */
      terminate(): void;
      on(event: 'event', listener: (event: XEvent) => void): this;
      /** Protocol errors nobody handled, and socket errors after setup. */
      on(event: 'error', listener: (error: Error | XError) => void): this;
      on(event: 'end', listener: () => void): this;
      removeListener(event: 'event', listener: (event: XEvent) => void): this;
    }

    /** Event mask bits (the ones used here). */
    interface EventMask {
      PropertyChange: number;
    }

    interface ParsedDisplay {
      /** '' for a local display. */
      host: string;
      /** 'tcp', 'unix', … or '' when not given. */
      protocol: string;
      displayNum: string;
    }
  }

  const x11: {
    /**
     * Connects to `options.display`. `callback` gets the setup, or an error from the socket; errors of
     * the setup itself (a refused authorisation) are emitted as the client's 'error'.
     */
    createClient(
      options: x11.ClientOptions,
      callback: (...args: [error: Error] | [error: undefined, display: x11.Display]) => void,
    ): x11.XClient;
    /** Throws on a DISPLAY it cannot parse. */
    parseDisplay(display: string): x11.ParsedDisplay;
    eventMask: x11.EventMask;
    /** Window class InputOnly. */
    InputOnly: 2;
  };
  export = x11;
}
