// A fediverse follower built with Fedify (an implementation we did not write), started by FedifyInteropTests:
//   node fedify-peer.mjs <port> <actor URL>
// It serves its own actor at http://127.0.0.1:<port>/users/peer, looks up the actor URL, follows it, and prints one JSON
// line per event on stdout: ready, followed, and each activity its inbox verified (accept, create, update, delete).
// Lines on stdin drive it: "outbox" prints the actor's outbox as Fedify reads it; "unfollow" sends an Undo of the Follow.
// With WIRE=1 it prints every POST it sends or receives (headers and body) on stderr, for the wire examples.
import { createInterface } from "node:readline";
import { createFederation, MemoryKvStore, generateCryptoKeyPair } from "@fedify/fedify";
import { Accept, Create, Delete, Endpoints, Follow, Person, Undo, Update } from "@fedify/vocab";
import { serve } from "@hono/node-server";

const [port, target] = process.argv.slice(2);
const base = `http://127.0.0.1:${port}`;
const all = async (iterable) => { const list = []; for await (const x of iterable) list.push(x); return list; };
const say = (event) => console.log(JSON.stringify(event));
const wire = async (direction, request) => {
  if (process.env.WIRE !== "1" || request.method !== "POST") return;
  const body = await request.clone().text();
  console.error(JSON.stringify({ wire: direction, url: request.url, headers: Object.fromEntries(request.headers), body }));
};
const sendFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const request = new Request(input, init);
  await wire("sent", request);
  return sendFetch(request);
};

let pair;
const fed = createFederation({ kv: new MemoryKvStore(), allowPrivateAddress: true, firstKnock: "draft-cavage-http-signatures-12" });
fed.setActorDispatcher("/users/{identifier}", async (ctx, identifier) => identifier !== "peer" ? null : new Person({
  id: ctx.getActorUri(identifier),
  preferredUsername: identifier,
  inbox: ctx.getInboxUri(identifier),
  endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
  publicKeys: (await ctx.getActorKeyPairs(identifier)).map((k) => k.cryptographicKey),
})).setKeyPairsDispatcher(async () => [pair ??= await generateCryptoKeyPair("RSASSA-PKCS1-v1_5")]);

const article = async (activity) => {
  const object = await activity.getObject();
  return {
    id: activity.id?.href, objectType: object?.constructor?.name, objectId: object?.id?.href, name: object?.name?.toString(),
    summary: object?.summary?.toString(), url: object?.url?.href, updated: object?.updated?.toString(),
    attachments: object?.getAttachments ? (await all(object.getAttachments())).length : 0,
  };
};
fed.setInboxListeners("/users/{identifier}/inbox", "/inbox")
  .on(Accept, async (ctx, accept) => say({ event: "accept", actor: accept.actorId?.href, follow: accept.objectId?.href }))
  .on(Create, async (ctx, create) => say({ event: "create", ...(await article(create)) }))
  .on(Update, async (ctx, update) => say({ event: "update", ...(await article(update)) }))
  .on(Delete, async (ctx, del) => say({ event: "delete", id: del.id?.href, objectId: del.objectId?.href }))
  .onError((ctx, error) => say({ event: "error", message: String(error?.stack ?? error) }));

serve({ port: Number(port), hostname: "127.0.0.1", fetch: async (request) => {
  await wire("received", request);
  return fed.fetch(request, { contextData: undefined });
} });

const ctx = fed.createContext(new URL(base), undefined);
const actor = await ctx.lookupObject(target);
if (!actor?.id) { say({ event: "error", message: `could not look up ${target}` }); process.exit(1); }
const follow = new Follow({ id: new URL(`${base}/follows/1`), actor: ctx.getActorUri("peer"), object: actor.id });
say({ event: "ready", actor: actor.id.href, name: actor.name?.toString(), username: actor.preferredUsername?.toString() });
await ctx.sendActivity({ identifier: "peer" }, actor, follow, { immediate: true });
say({ event: "followed" });

for await (const line of createInterface({ input: process.stdin })) {
  if (line === "outbox") {
    const outbox = await actor.getOutbox();
    const first = await outbox?.getFirst();
    const items = first ? await all(first.getItems()) : [];
    const names = await Promise.all(items.map(async (i) => (await i.getObject?.())?.name?.toString()));
    say({ event: "outbox", items: names });
  } else if (line === "unfollow") {
    await ctx.sendActivity({ identifier: "peer" }, actor, new Undo({ id: new URL(`${base}/follows/1/undo`), actor: ctx.getActorUri("peer"), object: follow }), { immediate: true });
    say({ event: "unfollowed" });
  }
}
