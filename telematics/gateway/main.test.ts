/**
 * `npm run gateway` as a process: configured by the environment, it finds BlueZ (here the double
 * on a private bus), relays an unlock, and exits 0 on SIGTERM.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BluezDouble } from '../bluez-double/bluez-double';
import { type PrivateBus, startPrivateBus } from '../bluez-double/private-bus';
import { Op } from '../protocol/constants';
import {
  type ContractServer,
  startContractServer,
  TEST_STATION,
  TEST_TOKEN,
} from './testing/contract-server';
import { assertExited, makeFleet, register } from './testing/fleet';

describe('the standalone gateway process', () => {
  const { clock, cars } = makeFleet(1);
  const [car] = cars;
  let server: ContractServer;
  let bus: PrivateBus;
  let double: BluezDouble;
  let child: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => {
    server = await startContractServer({ now: clock.now });
    register(server.state, cars);
    bus = await startPrivateBus();
    double = await BluezDouble.start({ busAddress: bus.address });
    if (car) double.addDevice({ address: car.address, name: 'pool car', peripheral: car.radio });
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await double?.stop();
    await bus?.stop();
    if (bus) assertExited(bus.pid, 'dbus-daemon');
    await server?.stop();
  });

  it('relays an unlock, then stops on SIGTERM with exit code 0', async () => {
    if (!car) throw new Error('fleet');
    const started = spawn(process.execPath, ['--import', 'tsx', 'telematics/gateway/main.ts'], {
      env: {
        ...process.env,
        DBUS_SYSTEM_BUS_ADDRESS: bus.address,
        GATEWAY_SERVER_URL: server.url,
        GATEWAY_TOKEN: TEST_TOKEN,
        GATEWAY_STATION_ID: TEST_STATION,
        GATEWAY_LOG_SYNC_SECONDS: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    started.stdout?.on('data', (chunk) => {
      output += String(chunk);
    });
    started.stderr?.on('data', (chunk) => {
      output += String(chunk);
    });

    const report = await server.state.command(car.boxId, Op.UNLOCK).done;
    expect(report.status).toBe('OK');
    await new Promise((resolve) => setTimeout(resolve, 100)); // let the job line be written
    const exited = new Promise<number | null>((resolve) => started.once('exit', resolve));
    started.kill('SIGTERM');
    expect(await exited).toBe(0);
    child = undefined;
    const events = output
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { event: string }).event);
    expect(events).toEqual(['gateway started', 'station', 'job', 'stopping', 'gateway stopped']);
  });
});
