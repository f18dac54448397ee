/**
 * The parts of BlueZ's D-Bus API (doc/org.bluez.*.rst, BlueZ 5.66) that node-ble and our gateway
 * touch, with BlueZ's own signatures so a type mismatch shows up here and not on real hardware.
 */
import { defineInterface } from './dbus-loose';

export const OBJECT_MANAGER = defineInterface({
  name: 'org.freedesktop.DBus.ObjectManager',
  methods: { GetManagedObjects: { out: 'a{oa{sa{sv}}}' } },
  signals: { InterfacesAdded: 'oa{sa{sv}}', InterfacesRemoved: 'oas' },
});

export const AGENT_MANAGER = defineInterface({
  name: 'org.bluez.AgentManager1',
  methods: {
    RegisterAgent: { in: 'os' },
    UnregisterAgent: { in: 'o' },
    RequestDefaultAgent: { in: 'o' },
  },
});

export const ADAPTER = defineInterface({
  name: 'org.bluez.Adapter1',
  properties: {
    Address: { signature: 's' },
    AddressType: { signature: 's' },
    Name: { signature: 's' },
    Alias: { signature: 's', access: 'readwrite' },
    Powered: { signature: 'b', access: 'readwrite' },
    Discoverable: { signature: 'b', access: 'readwrite' },
    Pairable: { signature: 'b', access: 'readwrite' },
    Discovering: { signature: 'b' },
    UUIDs: { signature: 'as' },
  },
  methods: {
    StartDiscovery: {},
    StopDiscovery: {},
    SetDiscoveryFilter: { in: 'a{sv}' },
    GetDiscoveryFilters: { out: 'as' },
    RemoveDevice: { in: 'o' },
  },
});

export const DEVICE = defineInterface({
  name: 'org.bluez.Device1',
  properties: {
    Address: { signature: 's' },
    AddressType: { signature: 's' },
    Name: { signature: 's' },
    Alias: { signature: 's', access: 'readwrite' },
    RSSI: { signature: 'n' },
    TxPower: { signature: 'n' },
    UUIDs: { signature: 'as' },
    Paired: { signature: 'b' },
    Trusted: { signature: 'b', access: 'readwrite' },
    Blocked: { signature: 'b', access: 'readwrite' },
    Connected: { signature: 'b' },
    ServicesResolved: { signature: 'b' },
    Adapter: { signature: 'o' },
    ManufacturerData: { signature: 'a{qv}' },
    ServiceData: { signature: 'a{sv}' },
  },
  methods: {
    Connect: {},
    Disconnect: {},
    Pair: {},
    CancelPair: {},
    ConnectProfile: { in: 's' },
    DisconnectProfile: { in: 's' },
  },
});

export const GATT_SERVICE = defineInterface({
  name: 'org.bluez.GattService1',
  properties: {
    UUID: { signature: 's' },
    Primary: { signature: 'b' },
    Device: { signature: 'o' },
    Includes: { signature: 'ao' },
  },
});

export const GATT_CHARACTERISTIC = defineInterface({
  name: 'org.bluez.GattCharacteristic1',
  properties: {
    UUID: { signature: 's' },
    Service: { signature: 'o' },
    Value: { signature: 'ay' },
    Notifying: { signature: 'b' },
    Flags: { signature: 'as' },
    MTU: { signature: 'q' },
  },
  methods: {
    ReadValue: { in: 'a{sv}', out: 'ay' },
    WriteValue: { in: 'aya{sv}' },
    StartNotify: {},
    StopNotify: {},
  },
});

export const BLUEZ_ERROR = {
  failed: 'org.bluez.Error.Failed',
  inProgress: 'org.bluez.Error.InProgress',
  notConnected: 'org.bluez.Error.NotConnected',
  notPermitted: 'org.bluez.Error.NotPermitted',
  notReady: 'org.bluez.Error.NotReady',
  doesNotExist: 'org.bluez.Error.DoesNotExist',
} as const;
