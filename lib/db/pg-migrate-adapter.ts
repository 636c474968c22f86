import { PrismaPg } from "@prisma/adapter-pg";

// Prisma 6.19's JS schema engine reads PostgreSQL's catalog through the driver adapter, and the catalog
// has columns of types `name` and `"char"` that @prisma/adapter-pg 6.19 cannot map (prisma/prisma#27403:
// "Column type 'name' could not be deserialized"), so `migrate deploy` fails on any PostgreSQL. Those types
// are text on the wire; relabelling them as text (and their arrays as text[]) before the adapter maps
// column types is all the engine needs. Used only by prisma.config.ts (migrations), never by the app.
const AS_TEXT: Record<number, number> = { 18: 25, 19: 25, 1002: 1009, 1003: 1009 };

interface Field {
  dataTypeID: number;
}
type PerformIO = (this: unknown, query: unknown) => Promise<{ fields: Field[] }>;

const patched = new WeakSet<object>();
function relabelCatalogTypes(adapter: object) {
  // performIO lives on the adapter's shared base class (also used by its transactions): patch it once.
  let proto: { performIO?: PerformIO } | null = Object.getPrototypeOf(adapter);
  while (proto && !Object.hasOwn(proto, "performIO")) proto = Object.getPrototypeOf(proto);
  if (!proto || patched.has(proto)) return;
  const original = proto.performIO!;
  proto.performIO = async function (query) {
    const result = await original.call(this, query);
    for (const f of result.fields ?? []) f.dataTypeID = AS_TEXT[f.dataTypeID] ?? f.dataTypeID;
    return result;
  };
  patched.add(proto);
}

export class MigratePg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    relabelCatalogTypes(adapter);
    return adapter;
  }
  override async connectToShadowDb() {
    const adapter = await super.connectToShadowDb();
    relabelCatalogTypes(adapter);
    return adapter;
  }
}
