import { BoxLinkError } from './box-link';

interface Waiter {
  onFrame(frame: Uint8Array): void;
  fail(error: Error): void;
}

/**
 * Notifications of one characteristic, handed to the one operation waiting for them. A
 * notification nobody waits for (a late answer to a timed-out command) is dropped, so it cannot
 * be taken for the answer to the next one.
 */
export class Inbox {
  private waiter: Waiter | undefined;

  push(frame: Uint8Array): void {
    this.waiter?.onFrame(frame);
  }

  /** Fails the waiting operation, e.g. because the link dropped. */
  fail(error: Error): void {
    this.waiter?.fail(error);
  }

  /**
   * Arms the inbox before the write that triggers the notifications, so none can slip past.
   * Collects frames until `isLast` says so; each frame must come within `idleTimeoutMs`.
   */
  collect(isLast: (frame: Uint8Array) => boolean, idleTimeoutMs: number, what: string): Collection {
    if (this.waiter) throw new Error(`${what}: another operation is waiting on this characteristic`);
    const frames: Uint8Array[] = [];
    let timer: NodeJS.Timeout | undefined;
    let settle: { resolve(frames: Uint8Array[]): void; reject(error: Error): void } | undefined;
    const result = new Promise<Uint8Array[]>((resolve, reject) => {
      settle = { resolve, reject };
    });
    const finish = (error?: Error) => {
      clearTimeout(timer);
      if (this.waiter === waiter) this.waiter = undefined;
      if (error) settle?.reject(error);
      else settle?.resolve(frames);
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(
        () => finish(new BoxLinkError('TIMEOUT', `${what}: no notification in ${idleTimeoutMs} ms`)),
        idleTimeoutMs,
      );
    };
    const waiter: Waiter = {
      onFrame: (frame) => {
        frames.push(frame);
        if (isLast(frame)) finish();
        else arm();
      },
      fail: (error) => finish(error),
    };
    this.waiter = waiter;
    arm();
    // The caller may abandon the collection when its write fails; do not report that rejection twice.
    result.catch(() => undefined);
    return { frames: result, cancel: () => finish(new BoxLinkError('CLOSED', `${what}: cancelled`)) };
  }
}

export interface Collection {
  frames: Promise<Uint8Array[]>;
  cancel(): void;
}
