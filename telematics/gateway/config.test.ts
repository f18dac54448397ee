import { describe, expect, it } from 'vitest';
import { parseGatewayConfig } from './config';

const valid = {
  GATEWAY_SERVER_URL: 'https://mobil.naunhof.de',
  GATEWAY_TOKEN: 'a-long-enough-gateway-token',
  GATEWAY_STATION_ID: 'naunhof-rathaus',
};

describe('gateway configuration from the environment', () => {
  it('reads the settings, with a 5-minute log sync by default', () => {
    expect(parseGatewayConfig(valid)).toEqual({
      serverUrl: 'https://mobil.naunhof.de',
      token: 'a-long-enough-gateway-token',
      stationId: 'naunhof-rathaus',
      logSyncIntervalMs: 300_000,
      adapter: undefined,
    });
    expect(
      parseGatewayConfig({ ...valid, GATEWAY_LOG_SYNC_SECONDS: '60', GATEWAY_ADAPTER: 'hci1' }),
    ).toMatchObject({
      logSyncIntervalMs: 60_000,
      adapter: 'hci1',
    });
  });

  it.each([
    ['GATEWAY_SERVER_URL', undefined, 'GATEWAY_SERVER_URL is required'],
    ['GATEWAY_SERVER_URL', '', 'GATEWAY_SERVER_URL is required'],
    ['GATEWAY_SERVER_URL', 'ftp://mobil.naunhof.de', 'GATEWAY_SERVER_URL must be an http(s) URL'],
    ['GATEWAY_TOKEN', '', 'GATEWAY_TOKEN is required'],
    ['GATEWAY_TOKEN', 'short', 'GATEWAY_TOKEN is too short'],
    ['GATEWAY_STATION_ID', undefined, 'GATEWAY_STATION_ID is required'],
    ['GATEWAY_LOG_SYNC_SECONDS', 'soon', 'GATEWAY_LOG_SYNC_SECONDS must be a number'],
    ['GATEWAY_LOG_SYNC_SECONDS', '2.5', 'GATEWAY_LOG_SYNC_SECONDS must be whole seconds'],
    ['GATEWAY_ADAPTER', 'wlan0', 'GATEWAY_ADAPTER must look like hci0'],
  ])('fails naming %s when it is %j', (name, value, message) => {
    expect(() => parseGatewayConfig({ ...valid, [name]: value })).toThrow(message);
  });

  it('treats an empty optional setting as unset', () => {
    expect(parseGatewayConfig({ ...valid, GATEWAY_LOG_SYNC_SECONDS: '', GATEWAY_ADAPTER: '' })).toMatchObject(
      {
        logSyncIntervalMs: 300_000,
        adapter: undefined,
      },
    );
  });
});
