/**
 * The few places where the gateway reaches past node-ble's typed API: its D-Bus connection (for
 * an error handler and BlueZ's ObjectManager) and its internal listener bookkeeping. Kept here so
 * a node-ble upgrade has one file to check.
 */
import { EventEmitter } from 'node:events';
import { Message, type MessageBus, type Variant } from 'dbus-next';
import type NodeBle from 'node-ble';

function busOf(bluetooth: NodeBle.Bluetooth): MessageBus {
  const bus: unknown = (bluetooth as unknown as { dbus?: unknown }).dbus;
  if (typeof bus !== 'object' || bus === null || !('getProxyObject' in bus)) {
    throw new Error('node-ble changed: Bluetooth.dbus is not a dbus-next MessageBus');
  }
  return bus as MessageBus;
}

/**
 * Without a listener, an `error` on node-ble's D-Bus connection (no system bus, bluetoothd
 * restarted) is an unhandled event and kills the process (ble-testing.md, pitfall 1).
 */
export function handleBusErrors(bluetooth: NodeBle.Bluetooth, onError: (error: unknown) => void): void {
  busOf(bluetooth).on('error', onError);
}

/** The two methods of dbus-next's MessageBus that its proxies call for every signal listener. */
interface MatchRuleBookkeeping {
  _addMatch(rule: string): Promise<unknown>;
  _removeMatch(rule: string): Promise<unknown>;
  _connection: { stream: { writable: boolean } };
}

/**
 * dbus-next 0.10 counts its match rules with `hasOwnProperty.call(rule, rules)`, the arguments
 * swapped: every new listener sends AddMatch and none ever sends RemoveMatch. A gateway that
 * reconnects all day reaches the daemon's max_match_rules_per_connection (512) within minutes and
 * its calls then fail. Counted per rule here: AddMatch for the first listener,
 * RemoveMatch when the last one goes.
 */
export function countMatchRulesPerRule(bluetooth: NodeBle.Bluetooth): void {
  const bus = busOf(bluetooth);
  const internals = bus as unknown as MatchRuleBookkeeping;
  const counts = new Map<string, number>();
  const tell = (member: 'AddMatch' | 'RemoveMatch', rule: string) =>
    bus.call(
      new Message({
        path: '/org/freedesktop/DBus',
        destination: 'org.freedesktop.DBus',
        interface: 'org.freedesktop.DBus',
        member,
        signature: 's',
        body: [rule],
      }),
    );
  internals._addMatch = (rule) => {
    const listeners = counts.get(rule) ?? 0;
    counts.set(rule, listeners + 1);
    return listeners > 0 ? Promise.resolve() : tell('AddMatch', rule);
  };
  internals._removeMatch = (rule) => {
    const listeners = counts.get(rule);
    if (listeners === undefined) return Promise.resolve();
    if (listeners > 1) {
      counts.set(rule, listeners - 1);
      return Promise.resolve();
    }
    counts.delete(rule);
    return internals._connection.stream.writable ? tell('RemoveMatch', rule) : Promise.resolve();
  };
}

/** The match rules the D-Bus daemon holds for node-ble's connection (its Debug.Stats interface). */
export async function matchRuleCount(bluetooth: NodeBle.Bluetooth): Promise<number> {
  const bus = busOf(bluetooth);
  // dbus-next sets the connection's unique name once connected; its types do not list it.
  const name: unknown = (bus as unknown as { name?: unknown }).name;
  if (typeof name !== 'string') throw new Error('node-ble is not connected to D-Bus');
  const reply = await bus.call(
    new Message({
      path: '/org/freedesktop/DBus',
      destination: 'org.freedesktop.DBus',
      interface: 'org.freedesktop.DBus.Debug.Stats',
      member: 'GetConnectionStats',
      signature: 's',
      body: [name],
    }),
  );
  const rules = unwrap(asRecord(reply?.body[0]).MatchRules);
  if (typeof rules !== 'number') throw new Error('the D-Bus daemon keeps no connection statistics');
  return rules;
}

export interface KnownDevice {
  address: string;
  name: string | undefined;
  rssi: number | undefined;
  uuids: string[];
}

/**
 * The devices BlueZ knows under one adapter, with their advertised service UUIDs, in one
 * GetManagedObjects call; node-ble can only list names and would need a call per property.
 */
export async function knownDevices(bluetooth: NodeBle.Bluetooth, adapter: string): Promise<KnownDevice[]> {
  const root = await busOf(bluetooth).getProxyObject('org.bluez', '/');
  const manager = root.getInterface('org.freedesktop.DBus.ObjectManager');
  const getManagedObjects = manager.GetManagedObjects;
  if (!getManagedObjects) throw new Error('BlueZ offers no ObjectManager');
  const objects: unknown = await getManagedObjects.call(manager);
  const prefix = `/org/bluez/${adapter}/`;
  const out: KnownDevice[] = [];
  for (const [path, interfaces] of Object.entries(asRecord(objects))) {
    if (!path.startsWith(prefix)) continue;
    const device = asRecord(asRecord(interfaces)['org.bluez.Device1']);
    const address = unwrap(device.Address);
    if (typeof address !== 'string') continue;
    const name = unwrap(device.Name);
    const rssi = unwrap(device.RSSI);
    const uuids = unwrap(device.UUIDs);
    out.push({
      address: address.toUpperCase(),
      name: typeof name === 'string' ? name : undefined,
      rssi: typeof rssi === 'number' ? rssi : undefined,
      uuids: Array.isArray(uuids) ? uuids.filter((u): u is string => typeof u === 'string') : [],
    });
  }
  return out;
}

/**
 * Forgets a node-ble object for good: our listeners, and the D-Bus signal subscriptions node-ble
 * keeps per object (each connect() and startNotifications() adds one that nothing removes after
 * a drop, ble-testing.md pitfall 6).
 */
export function release(object: NodeBle.Device | NodeBle.GattCharacteristic): void {
  object.removeAllListeners();
  const helper: unknown = (object as unknown as { helper?: unknown }).helper;
  if (typeof helper === 'object' && helper !== null && 'removeListeners' in helper) {
    const removeListeners: unknown = helper.removeListeners;
    if (typeof removeListeners === 'function') removeListeners.call(helper);
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function unwrap(variant: unknown): unknown {
  return typeof variant === 'object' && variant !== null && 'value' in variant
    ? (variant as Variant).value
    : undefined;
}

/** The D-Bus error name of a failed BlueZ call (dbus-next's DBusError keeps it in `type`). */
export function dbusErrorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('type' in error)) return undefined;
  const type: unknown = error.type;
  return typeof type === 'string' ? type : undefined;
}

/** Signal listeners on node-ble's D-Bus connection: flat over reconnects, or something leaks. */
export function signalListenerCount(bluetooth: NodeBle.Bluetooth): number {
  const signals: unknown = (busOf(bluetooth) as unknown as { _signals?: unknown })._signals;
  if (!(signals instanceof EventEmitter)) return Number.NaN;
  return signals.eventNames().reduce((n, name) => n + signals.listenerCount(name), 0);
}
