import { SerialQueue } from './ble/async-util';
import type { BoxConnection, BoxLink } from './ble/box-link';

interface Shared {
  connection: Promise<BoxConnection>;
  users: number;
}

/**
 * Keeps the gateway at one connection per box: a job and a log sync of the same box share it,
 * and it is closed when the last user is done, so the box is free again for a phone.
 * Jobs of one box also run one after another: each reads a challenge, which voids the nonce of
 * any other job's challenge on that box.
 */
export class BoxSessions {
  private readonly shared = new Map<string, Shared>();
  private readonly jobQueues = new Map<string, SerialQueue>();

  constructor(private readonly link: BoxLink) {}

  /** Runs `use` on a connection to the box at `address`; `onConnected` runs once it is up. */
  async with<T>(address: string, use: (connection: BoxConnection) => Promise<T>): Promise<T> {
    const key = address.toUpperCase();
    let entry = this.shared.get(key);
    if (!entry) {
      const created: Shared = { connection: this.link.connect(key), users: 0 };
      // A failed connect is forgotten at once, so the next user tries afresh.
      created.connection.catch(() => {
        if (this.shared.get(key) === created) this.shared.delete(key);
      });
      this.shared.set(key, created);
      entry = created;
    }
    entry.users += 1;
    try {
      return await use(await entry.connection);
    } finally {
      entry.users -= 1;
      if (entry.users === 0 && this.shared.get(key) === entry) {
        this.shared.delete(key);
        await entry.connection.then((c) => c.disconnect()).catch(() => undefined);
      }
    }
  }

  /** Runs jobs of one box strictly one after another. */
  exclusive<T>(address: string, task: () => Promise<T>): Promise<T> {
    const key = address.toUpperCase();
    let queue = this.jobQueues.get(key);
    if (!queue) {
      queue = new SerialQueue();
      this.jobQueues.set(key, queue);
    }
    return queue.run(task);
  }
}
