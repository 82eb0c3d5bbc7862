// A module of its own, so that the page (engine-client) can use it without the engine.

// The core is compiled without DOM typings; a worker, a page and Node all have MessageChannel.
declare const MessageChannel: new () => {
  port1: { onmessage: ((event: unknown) => void) | null; close(): void };
  port2: { postMessage(message: unknown): void; close(): void };
};

/**
 * Resolve on a fresh macrotask, after pending messages. A MessageChannel rather than
 * setTimeout(0), which browsers clamp to 4 ms once nested.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      channel.port2.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
