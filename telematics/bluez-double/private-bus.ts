import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PrivateBus {
  /** The bus address, e.g. `unix:path=/tmp/…/bus.sock,guid=…`; put it in DBUS_SYSTEM_BUS_ADDRESS. */
  readonly address: string;
  /** The daemon's process id, for checking that stop() really ended it. */
  readonly pid: number;
  /** Kills the daemon by its PID and removes its folder. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * A dbus-daemon of type "system" that only this test can reach: node-ble insists on the system
 * bus, and the machine's real one (if any) must never see our fake `org.bluez`.
 */
export async function startPrivateBus(options: { startTimeoutMs?: number } = {}): Promise<PrivateBus> {
  const dir = await mkdtemp(join(tmpdir(), 'bluez-double-'));
  const configPath = join(dir, 'bus.conf');
  await writeFile(configPath, busConfig(join(dir, 'bus.sock')));

  // Through a shell that ignores SIGINT and then becomes the daemon (same PID): a Ctrl+C goes to
  // the whole process group, and the daemon must outlive it until its owner has shut down over it
  // (the demo uploads the boxes' logs at shutdown). stop() ends it with SIGTERM; a SIGKILL of the
  // group still takes it along.
  const child = spawn(
    '/bin/sh',
    [
      '-c',
      'trap "" INT; exec /usr/bin/dbus-daemon "$@"',
      'dbus-daemon',
      `--config-file=${configPath}`,
      '--print-address',
      '--nofork',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // A crashed test run must not leave the daemon behind: kill it when this process exits.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  let address: string;
  try {
    address = await readAddress(child, options.startTimeoutMs ?? 5_000);
  } catch (error) {
    child.kill('SIGKILL');
    process.off('exit', killOnExit);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      process.off('exit', killOnExit);
      await killAndWait(child);
      await rm(dir, { recursive: true, force: true });
    })();
    return stopped;
  };
  return { address, pid: child.pid ?? -1, stop };
}

function busConfig(socketPath: string): string {
  // Permissive on purpose: the bus lives in a private folder, and the double must own `org.bluez`.
  return `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path=${socketPath}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <allow own="*"/>
    <allow send_destination="*" eavesdrop="true"/>
    <allow receive_sender="*"/>
    <allow send_type="method_call"/>
    <allow send_type="signal"/>
    <allow send_type="method_return"/>
    <allow send_type="error"/>
  </policy>
</busconfig>
`;
}

function readAddress(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => fail(new Error(`dbus-daemon printed no address in ${timeoutMs} ms`)),
      timeoutMs,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(new Error(`${error.message}${err ? `: ${err.trim()}` : ''}`));
    };
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const newline = out.indexOf('\n');
      if (newline >= 0) {
        clearTimeout(timer);
        resolve(out.slice(0, newline).trim());
      }
    });
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`dbus-daemon exited early with code ${code}`)));
  });
}

async function killAndWait(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 2_000);
  await exited;
  clearTimeout(timer);
}
