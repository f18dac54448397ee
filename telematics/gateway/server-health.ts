import { describeError, type GatewayLogger } from './log';

/**
 * Logs the server going away and coming back, once each, however many calls fail in between:
 * a gateway that retries every few seconds for an hour should not fill the journal.
 */
export class ServerHealth {
  private downSince: number | undefined;
  private failures = 0;

  constructor(private readonly log: GatewayLogger) {}

  failed(error: unknown): void {
    this.failures += 1;
    if (this.downSince !== undefined) return;
    this.downSince = Date.now();
    this.log({ level: 'warn', event: 'server unavailable', error: describeError(error) });
  }

  ok(): void {
    if (this.downSince === undefined) return;
    this.log({
      level: 'info',
      event: 'server reachable again',
      downMs: Date.now() - this.downSince,
      failedCalls: this.failures,
    });
    this.downSince = undefined;
    this.failures = 0;
  }
}
