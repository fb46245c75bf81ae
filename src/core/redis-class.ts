// ioredis, loaded only when Redis is configured (a server without it starts as fast as before).
import type { Redis, RedisOptions } from "ioredis";

export type RedisClass = new (url: string, options: RedisOptions) => Redis;

/** ioredis is CommonJS: depending on the loader its class is the named export or the default one. */
export async function loadRedisClass(): Promise<RedisClass> {
  const mod = (await import("ioredis")) as unknown as {
    Redis?: RedisClass;
    default?: RedisClass | { Redis?: RedisClass };
  };
  const Ctor = mod.Redis ?? (typeof mod.default === "function" ? mod.default : mod.default?.Redis);
  if (!Ctor) throw new Error("ioredis did not load");
  return Ctor;
}
