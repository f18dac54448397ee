import { OBJECT_MANAGER } from './bluez-interfaces';
import type { BusInterface, ServiceBus, Variant } from './dbus-loose';

type ManagedObjects = Record<string, Record<string, Record<string, Variant>>>;

/**
 * Exports objects and tells ObjectManager watchers about it, as BlueZ does: clients that list
 * devices through GetManagedObjects, or wait for InterfacesAdded, see the same tree as
 * clients that walk introspection (node-ble).
 */
export class ObjectTree {
  private readonly manager: BusInterface;

  constructor(private readonly bus: ServiceBus) {
    this.manager = OBJECT_MANAGER({}, { GetManagedObjects: () => this.managedObjects() });
    bus.exportObject('/', [this.manager]);
  }

  add(path: string, interfaces: BusInterface[]): void {
    this.bus.exportObject(path, interfaces);
    this.manager.emitSignal('InterfacesAdded', path, interfacesOf(interfaces));
  }

  remove(path: string): void {
    const interfaces = this.bus.objects().get(path);
    if (!interfaces) return;
    this.bus.unexportObject(path);
    this.manager.emitSignal(
      'InterfacesRemoved',
      path,
      interfaces.map((i) => i.name),
    );
  }

  /** Removes the path and everything below it, deepest first (characteristics before their service). */
  removeTree(root: string): void {
    const paths = [...this.bus.objects().keys()].filter((p) => p === root || p.startsWith(`${root}/`));
    paths.sort((a, b) => b.length - a.length);
    for (const path of paths) this.remove(path);
  }

  has(path: string): boolean {
    return this.bus.objects().has(path);
  }

  private managedObjects(): ManagedObjects {
    const out: ManagedObjects = {};
    for (const [path, interfaces] of this.bus.objects()) {
      if (path === '/') continue;
      out[path] = interfacesOf(interfaces);
    }
    return out;
  }
}

function interfacesOf(interfaces: BusInterface[]): Record<string, Record<string, Variant>> {
  return Object.fromEntries(interfaces.map((i) => [i.name, i.variants()]));
}
