/**
 * The one place where dbus-next's loose service API (prototype-configured classes, `any`
 * everywhere) meets our strict code. Everything else in the double uses the typed shapes below.
 */
import dbus from 'dbus-next';

export const Variant = dbus.Variant;
export type Variant = InstanceType<typeof dbus.Variant>;

interface PropertySpec {
  signature: string;
  /** BlueZ makes a few properties writable (Powered, Alias, Trusted); the rest are read-only. */
  access?: 'read' | 'readwrite';
}

export interface InterfaceSpec {
  name: string;
  properties?: Record<string, PropertySpec>;
  methods?: Record<string, { in?: string; out?: string }>;
  signals?: Record<string, string>;
}

type MethodHandler = (...args: unknown[]) => unknown;

/** A live D-Bus interface instance: its properties as plain values, its methods as handlers. */
export interface BusInterface {
  readonly name: string;
  get(property: string): unknown;
  /** Changes property values; emits one PropertiesChanged unless `quiet` (BlueZ is quiet, too, at times). */
  update(changes: Record<string, unknown>, options?: { quiet?: boolean }): void;
  emitSignal(signal: string, ...args: unknown[]): void;
  /** All readable properties as variants, as ObjectManager.GetManagedObjects hands them out. */
  variants(): Record<string, Variant>;
}

export type InterfaceFactory = (
  values: Record<string, unknown>,
  handlers?: Record<string, MethodHandler>,
) => BusInterface;

// biome-ignore lint/suspicious/noExplicitAny: dbus-next calls property getters and method functions on `this` by name.
type Loose = any;

/** Builds a dbus-next Interface class once per spec; each call of the factory makes an instance. */
export function defineInterface(spec: InterfaceSpec): InterfaceFactory {
  const properties = spec.properties ?? {};
  const methods = spec.methods ?? {};
  const signals = spec.signals ?? {};

  class Impl extends dbus.interface.Interface {
    values: Record<string, unknown> = {};
    handlers: Record<string, MethodHandler> = {};
  }
  const proto: Loose = Impl.prototype;
  for (const [name, p] of Object.entries(properties)) {
    Object.defineProperty(proto, name, {
      get(this: Impl) {
        return this.values[name];
      },
      set(this: Impl, value: unknown) {
        if (p.access !== 'readwrite')
          throw new dbus.DBusError('org.bluez.Error.NotPermitted', `${name} is read-only`);
        this.values[name] = value;
        dbus.interface.Interface.emitPropertiesChanged(this, { [name]: value }, []);
      },
    });
  }
  for (const name of Object.keys(methods)) {
    proto[name] = function (this: Impl, ...args: unknown[]) {
      const handler = this.handlers[name];
      if (!handler) throw new dbus.DBusError('org.bluez.Error.NotSupported', `${spec.name}.${name}`);
      return handler(...args);
    };
  }
  for (const [name, signature] of Object.entries(signals)) {
    // dbus-next wraps this and sends what it returns: one value, or an array for several arguments.
    proto[name] = (...args: unknown[]) => (signature.length > 0 && args.length === 1 ? args[0] : args);
  }
  Impl.configureMembers({
    properties: Object.fromEntries(
      Object.entries(properties).map(([k, p]) => [k, { signature: p.signature, access: p.access ?? 'read' }]),
    ),
    methods: Object.fromEntries(
      Object.entries(methods).map(([k, m]) => [k, { inSignature: m.in ?? '', outSignature: m.out ?? '' }]),
    ),
    signals: Object.fromEntries(Object.entries(signals).map(([k, signature]) => [k, { signature }])),
  });

  return (values, handlers = {}) => {
    const impl = new Impl(spec.name);
    impl.values = { ...values };
    impl.handlers = handlers;
    const loose: Loose = impl;
    return {
      name: spec.name,
      raw: impl,
      get: (property) => impl.values[property],
      update(changes, options = {}) {
        Object.assign(impl.values, changes);
        if (!options.quiet) dbus.interface.Interface.emitPropertiesChanged(impl, changes, []);
      },
      emitSignal(signal, ...args) {
        loose[signal](...args);
      },
      variants() {
        const out: Record<string, Variant> = {};
        for (const [name, p] of Object.entries(properties)) {
          const value = impl.values[name];
          if (value !== undefined) out[name] = new dbus.Variant(p.signature, value);
        }
        return out;
      },
    } satisfies BusInterface & { raw: Impl };
  };
}

/** A method call fails on the caller's side with this D-Bus error name, as BlueZ's do. */
export function busError(name: string, text: string): Error {
  return new dbus.DBusError(name, text);
}

/** Our connection to the bus as a service: owns a name, exports objects by path. */
export class ServiceBus {
  private readonly bus: dbus.MessageBus;
  private readonly exported = new Map<string, BusInterface[]>();

  private constructor(bus: dbus.MessageBus) {
    this.bus = bus;
  }

  static async connect(
    address: string,
    name: string,
    onError: (error: unknown) => void,
  ): Promise<ServiceBus> {
    const bus = dbus.sessionBus({ busAddress: address });
    // Without a listener an `error` event (bus gone) would kill the test process.
    bus.on('error', onError);
    const reply = await bus.requestName(name, dbus.NameFlag.DO_NOT_QUEUE);
    if (reply !== dbus.RequestNameReply.PRIMARY_OWNER) {
      bus.disconnect();
      throw new Error(`could not own ${name} (reply ${reply})`);
    }
    return new ServiceBus(bus);
  }

  exportObject(path: string, interfaces: BusInterface[]): void {
    for (const iface of interfaces) this.bus.export(path, rawOf(iface));
    this.exported.set(path, interfaces);
  }

  /** Removes every interface on the path: later calls on it fail with an error, as on a gone object. */
  unexportObject(path: string): void {
    this.bus.unexport(path, undefined as unknown as dbus.interface.Interface);
    this.exported.delete(path);
  }

  objects(): ReadonlyMap<string, BusInterface[]> {
    return this.exported;
  }

  disconnect(): void {
    this.bus.disconnect();
  }
}

function rawOf(iface: BusInterface): dbus.interface.Interface {
  const raw: unknown = (iface as BusInterface & { raw?: unknown }).raw;
  if (!(raw instanceof dbus.interface.Interface))
    throw new Error(`${iface.name} was not made by defineInterface`);
  return raw;
}
